#!/usr/bin/env python3
"""Reference table for the Jaxley time grid and step_current windows, computed by CPython itself.

For each case: steps = int(t_max // dt) + 1 (jx.integrate), start = int(delay / dt), end = int((delay + dur) / dt)
(jx.step_current). Values are drawn from a fixed seed on decimal grids that users type (dt in {0.001, ..., 0.5},
t_max, delay, dur with up to 3 decimals), plus hand-picked cases where the float quotient sits just below an
integer (200 // 0.1 == 1999.0). Printed with repr so the CSV round-trips exactly.

Usage: python3 python_grid.py > python_grid.csv
"""
import random

rng = random.Random(20261125)
cases = [
    (0.1, 200.0, 10.0, 180.0), (0.1, 0.3, 0.1, 0.2), (0.025, 300.0, 20.0, 250.0), (0.025, 0.0, 0.0, 0.0),
    (0.1, 1.0, 0.3, 0.3), (0.01, 0.07, 0.03, 0.03), (0.2, 0.6, 0.6, 0.0), (0.05, 1.15, 0.35, 0.45),
    (0.001, 2.0, 0.007, 1.993), (0.3, 0.9, 0.3, 0.6), (0.7, 2.1, 1.4, 0.7), (0.1, 1000.0, 999.9, 0.1),
]
dts = [0.001, 0.002, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.3, 0.5, 0.7, 0.03, 0.07]
for _ in range(400):
    dt = rng.choice(dts)
    t_max = round(rng.uniform(0, 500), rng.choice([0, 1, 2, 3]))
    delay = round(rng.uniform(0, 300), rng.choice([0, 1, 2, 3]))
    dur = round(rng.uniform(0, 300), rng.choice([0, 1, 2, 3]))
    cases.append((dt, t_max, delay, dur))
print("dt,t_max,delay,dur,steps,start,end")
for dt, t_max, delay, dur in cases:
    print(f"{dt!r},{t_max!r},{delay!r},{dur!r},{int(t_max // dt) + 1},{int(delay / dt)},{int((delay + dur) / dt)}")
