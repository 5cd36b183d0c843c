#!/usr/bin/env python3
"""Independent transcription of Izhikevich's figure1.m (2004) and the Fig. 2 classes (2003) into plain Python floats.

Written from the published MATLAB code, not from NeuroFold's C#: every loop is
    V = V + tau*(0.04*V^2 + 5*V + 140 - u + I)      (4.1*V + 108 for class 1 and integrator)
    u = u + tau*a*(b*V - u)                         (u + tau*a*(b*(V+65)) for accommodation)
    if V > 30: record 30, V = c, u = u + d; else record V
with MATLAB's left-to-right evaluation (tau*a first, V^2 as V*V) and IEEE doubles.

tspan = 0:tau:T is built with MATLAB's colon algorithm (MathWorks' COLONOP description: the element count
n = round((T-0)/tau), decremented if 0 + n*tau overshoots T by more than tol = 2*eps*max(|0|,|T|); the first
half of the elements are 0 + k*tau, the second half T - k*tau counted from the end, and the middle one of an odd
count (n even) is (0 + T)/2).  Run with --times k*tau to build t_k = k*tau instead (the two agree on every spike).

Output (stdout): CSV lines  id,k,t  for every spike (k is the 0-based index into tspan, t = tspan(k+1) in MATLAB),
then  #final,id,steps,V,u  with the last state, floats in repr (round-trip) form.
"""
import sys

EPS = 2.0 ** -52


def matlab_colon(base, inc, limit):
    n = round((limit - base) / inc)
    tol = 2.0 * EPS * max(abs(base), abs(limit))
    if base + n * inc - limit > tol:
        n -= 1
    last = base + n * inc
    if last - limit > -tol:
        last = limit
    out = [0.0] * (n + 1)
    for k in range(0, n // 2 + 1):
        out[k] = base + k * inc
        out[n - k] = last - k * inc
    if n % 2 == 0:
        out[n // 2] = (base + last) / 2
    return out


def k_tau(base, inc, limit):
    n = round((limit - base) / inc)
    if base + n * inc - limit > 2.0 * EPS * max(abs(base), abs(limit)):
        n -= 1
    return [k * inc for k in range(n + 1)]


def run(tspan, a, b, c, d, V, u, tau, current, k1=5.0, k0=140.0, accommodation=False):
    spikes = []
    for k, t in enumerate(tspan):
        I = current(t)
        V = V + tau * ((((0.04 * (V * V)) + (k1 * V)) + k0) - u + I)
        if accommodation:
            u = u + (tau * a) * (b * (V + 65))
        else:
            u = u + (tau * a) * ((b * V) - u)
        if V > 30:
            spikes.append((k, t))
            V = c
            u = u + d
    return spikes, V, u


def step(on, amp, off=0.0):
    return lambda t: amp if t > on else off


def window(lo, hi, amp):
    return lambda t: amp if (t > lo and t < hi) else 0.0


def protocols():
    p = []
    # (id, a, b, c, d, V0, u0 or None (= b*V0), tau, T, I(t), options)
    p.append(("tonic-spiking", .02, .2, -65, 6, -70, None, .25, 100, step(100 / 10, 14), {}))
    p.append(("phasic-spiking", .02, .25, -65, 6, -64, None, .25, 200, step(20, .5), {}))
    p.append(("tonic-bursting", .02, .2, -50, 2, -70, None, .25, 220, step(22, 15), {}))
    p.append(("phasic-bursting", .02, .25, -55, .05, -64, None, .2, 200, step(20, .6), {}))
    p.append(("mixed-mode", .02, .2, -55, 4, -70, None, .25, 160, step(160 / 10, 10), {}))
    p.append(("spike-frequency-adaptation", .01, .2, -65, 8, -70, None, .25, 85, step(85 / 10, 30), {}))
    p.append(("class-1-excitable", .02, -.1, -55, 6, -60, None, .25, 300,
              lambda t: (0.075 * (t - 30)) if t > 30 else 0.0, {"k1": 4.1, "k0": 108.0}))
    p.append(("class-2-excitable", .2, .26, -65, 0, -64, None, .25, 300,
              lambda t: (-0.5 + (0.015 * (t - 30))) if t > 30 else -0.5, {}))
    p.append(("spike-latency", .02, .2, -65, 6, -70, None, .2, 100, window(100 / 10, 100 / 10 + 3, 7.04), {}))
    p.append(("subthreshold-oscillations", .05, .26, -60, 0, -62, None, .25, 200, window(200 / 10, 200 / 10 + 5, 2), {}))
    t1, t2, t3 = 400 / 10, 400 / 10 + 20, 0.7 * 400
    t4 = t3 + 40
    p.append(("resonator", .1, .26, -60, -1, -62, None, .25, 400,
              lambda t: 0.65 if ((t > t1 and t < t1 + 4) or (t > t2 and t < t2 + 4) or (t > t3 and t < t3 + 4) or (t > t4 and t < t4 + 4)) else 0.0, {}))
    i1 = 100 / 11
    i2, i3 = i1 + 5, 0.7 * 100
    i4 = i3 + 10
    p.append(("integrator", .02, -.1, -55, 6, -60, None, .25, 100,
              lambda t: 9.0 if ((t > i1 and t < i1 + 2) or (t > i2 and t < i2 + 2) or (t > i3 and t < i3 + 2) or (t > i4 and t < i4 + 2)) else 0.0,
              {"k1": 4.1, "k0": 108.0}))
    p.append(("rebound-spike", .03, .25, -60, 4, -64, None, .2, 200, window(20, 25, -15), {}))
    p.append(("rebound-burst", .03, .25, -52, 0, -64, None, .2, 200, window(20, 25, -15), {}))
    p.append(("threshold-variability", .03, .25, -60, 4, -64, None, .25, 100,
              lambda t: 1.0 if ((t > 10 and t < 15) or (t > 80 and t < 85)) else (-6.0 if (t > 70 and t < 75) else 0.0), {}))
    b1, b2 = 300 / 8, 216
    p.append(("bistability", .1, .26, -60, 0, -61, None, .25, 300,
              lambda t: 1.24 if ((t > b1 and t < b1 + 5) or (t > b2 and t < b2 + 5)) else 0.24, {}))
    p.append(("depolarizing-after-potential", 1, .2, -60, -21, -70, None, .1, 50,
              lambda t: 20.0 if abs(t - 10) < 1 else 0.0, {}))
    p.append(("accommodation", .02, 1, -55, 4, -65, -16, .5, 400,
              lambda t: t / 25 if t < 200 else (0.0 if t < 300 else ((t - 300) / 12.5 * 4 if t < 312.5 else 0.0)),
              {"accommodation": True}))
    p.append(("inhibition-induced-spiking", -.02, -1, -60, 8, -63.8, None, .5, 350,
              lambda t: 80.0 if (t < 50 or t > 250) else 75.0, {}))
    p.append(("inhibition-induced-bursting", -.026, -1, -45, -2, -63.8, None, .5, 350,
              lambda t: 80.0 if (t < 50 or t > 250) else 75.0, {}))
    # Izhikevich (2003), Fig. 2, as in the same MATLAB file.
    p.append(("rs", .02, .2, -65, 8, -63, None, .25, 150, step(150 / 10, 14), {}))
    p.append(("ib", .02, .2, -55, 4, -70, None, .25, 150, step(150 / 10, 11), {}))
    p.append(("ch", .02, .2, -50, 2, -70, None, .25, 150, step(150 / 10, 10), {}))
    p.append(("fs", .1, .2, -65, 2, -70, None, .25, 150, step(150 / 10, 10), {}))
    p.append(("tc", .02, .25, -65, .05, -63, None, .25, 150, step(2 * 150 / 10, 1.5), {}))
    p.append(("tc-burst", .02, .25, -65, .05, -87, None, .25, 150, step(3 * 150 / 10, 0.0, off=-25.0), {}))
    r1 = 100 / 10
    r2 = r1 + 50
    p.append(("rz", .1, .26, -65, 2, -70, None, .25, 100,
              lambda t: 10.0 if (t > r2 and t < r2 + 5) else (-0.5 if t > r1 else -2.0), {}))
    p.append(("lts", .02, .25, -65, 2, -63, None, .25, 250, step(1 * 250 / 10, 10.0), {}))
    return p


def main():
    times = matlab_colon
    if len(sys.argv) > 2 and sys.argv[1] == "--times" and sys.argv[2] == "k*tau":
        times = k_tau
    finals = []
    for (pid, a, b, c, d, v0, u0, tau, T, current, opts) in protocols():
        a, b, c, d, v0 = float(a), float(b), float(c), float(d), float(v0)
        u = b * v0 if u0 is None else float(u0)
        tspan = times(0.0, tau, float(T))
        spikes, V, u = run(tspan, a, b, c, d, v0, u, tau, current, **opts)
        for (k, t) in spikes:
            print(f"{pid},{k},{t!r}")
        finals.append(f"#final,{pid},{len(tspan)},{V!r},{u!r}")
    for line in finals:
        print(line)


if __name__ == "__main__":
    main()
