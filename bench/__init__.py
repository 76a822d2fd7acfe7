"""Benchmarks of Drill Atlas: they print figures and assert nothing."""
