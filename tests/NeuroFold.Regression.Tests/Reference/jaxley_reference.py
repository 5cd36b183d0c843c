#!/usr/bin/env python3
"""Independent reference for NeuroFold's Jaxley scheme: a plain-Python transcription of Jaxley's code path.

It follows Jaxley's own source, not NeuroFold's:
  * jaxley/channels/non_capacitive/izhikevich.py, Izhikevich.update_states:
        u = exponential_euler(u, dt, b * v, 1 / a)          # x * e + x_inf * (1 - e), e = save_exp(-dt / tau)
        dv = (0.04 * v**2) + (5 * v) + 140 - u
        v = v + dt * dv
        if v >= 30: v = c; u = u + d
  * jaxley/solver_gate.py: save_exp clips the exponent at 50.
  * the external current: jx.step_current(delay, dur, amp, dt, t_max) builds int(t_max // dt) + 2 samples, amp on
    [int(delay/dt), int((delay+dur)/dt)); convert_point_process_to_distributed gives amp / (2*pi*r*L) * 1e5 uA/cm2;
    with a single compartment and a channel that contributes no membrane current the voltage solver adds dt * i / C.
  * jx.integrate(t_max) records the initial state and then one state per step, int(t_max // dt) + 1 steps.
Note the u update is written in Jaxley's form u*e + b*v*(1-e), whereas NeuroFold uses b*v + (u - b*v)*e; the two
agree to rounding, so this file checks NeuroFold to a tolerance, not bit for bit.

Usage: python3 jaxley_reference.py > jaxley_step_current.csv
Case: default jx.Cell (r = 1 um, L = 10 um, C = 1 uF/cm2), Izhikevich a=0.02 b=0.2 c=-65 d=8, v0 = -70, u0 = 0
(an uninitialised Jaxley cell), dt = 0.1 ms, t_max = 200 ms, step_current(10, 180, 0.012 nA).
"""
import math

a, b, c, d = 0.02, 0.2, -65.0, 8.0
dt, t_max = 0.1, 200.0
delay, dur, amp_na = 10.0, 180.0, 0.012
radius, length, cm = 1.0, 10.0, 1.0

n_samples = int(t_max // dt) + 2
current = [0.0] * n_samples
for k in range(int(delay / dt), min(int((delay + dur) / dt), n_samples)):
    current[k] = amp_na
area = 2 * math.pi * radius * length
density = [i / area * 100_000 for i in current]

steps = int(t_max // dt) + 1
v, u = -70.0, 0.0
e = math.exp(min(-dt / (1 / a), 50.0))
print("t_ms,v_mV,u")
print(f"{0.0!r},{v!r},{u!r}")
for k in range(steps):
    u = u * e + (b * v) * (1.0 - e)
    dv = (0.04 * (v * v)) + (5 * v) + 140 - u
    v = v + dt * dv
    if v >= 30.0:
        v = c
        u = u + d
    v = v + dt * density[k] / cm
    print(f"{(k + 1) * dt!r},{v!r},{u!r}")
