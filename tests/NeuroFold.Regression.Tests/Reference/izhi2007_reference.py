#!/usr/bin/env python3
"""Independent transcription of the book's forward-Euler loop for the 2007 model (Izhikevich 2007, ch. 8, Fig. 8.12):

    v(i+1) = v(i) + tau*(k*(v(i)-vr)*(v(i)-vt) - u(i) + I(i))/C
    u(i+1) = u(i) + tau*a*(b*(v(i)-vr) - u(i))
    if v(i+1) >= vpeak: v(i+1) = c; u(i+1) = u(i+1) + d

for the layer-5 RS cell (C=100, k=0.7, vr=-60, vt=-40, vpeak=35, a=0.03, b=-2, c=-50, d=100) at a constant 100 pA,
tau = 0.0025 ms, from v = -60, u = 0, for as many steps as `neurofold simulate --dt 0.0025 --t-max 520` takes
(Python's 520 // 0.0025 + 1). Prints  step,t  per spike (t = (step+1)*tau) and  #final,steps,v,u.
"""
C, k, vr, vt, vpeak, a, b, c, d = 100.0, 0.7, -60.0, -40.0, 35.0, 0.03, -2.0, -50.0, 100.0
tau, T, I = 0.0025, 520.0, 100.0
steps = int(T // tau) + 1
v, u = -60.0, 0.0
for i in range(steps):
    v_new = v + tau * (k * (v - vr) * (v - vt) - u + I) / C
    u_new = u + tau * a * (b * (v - vr) - u)
    if v_new >= vpeak:
        print(f"{i},{(i + 1) * tau!r}")
        v_new = c
        u_new = u_new + d
    v, u = v_new, u_new
print(f"#final,{steps},{v!r},{u!r}")
