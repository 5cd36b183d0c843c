#!/usr/bin/env python3
"""Independent transcription of the per-neuron loop of Izhikevich's net.m (2003) for one excitatory neuron.

net.m, for t = 1:1000 (ms):  fired = find(v >= 30);  v(fired) = c;  u(fired) = u(fired) + d;
    v = v + 0.5*(0.04*v.^2 + 5*v + 140 - u + I);  v = v + 0.5*(0.04*v.^2 + 5*v + 140 - u + I);  u = u + a.*(b.*v - u);
One neuron with re = 0.5 (a = 0.02, b = 0.2, c = -65 + 15*re^2, d = 8 - 6*re^2), v0 = -65, u0 = b*v0, no synapses,
and a deterministic input in place of the thalamic noise: I(t) = 5 * x_t with x_t from a 48-bit LCG mapped to
[-1.5, 2.5) (the same sequence is rebuilt in the C# test). Prints  t  per firing (net.m's time) and  #final,v,u.
"""
re_ = 0.5
a, b, c, d = 0.02, 0.2, -65 + 15 * re_ ** 2, 8 - 6 * re_ ** 2
v = -65.0
u = b * v


def inputs(n):
    state = 12345
    out = []
    for _ in range(n):
        state = (state * 25214903917 + 11) % (1 << 48)
        out.append(5.0 * (-1.5 + 4.0 * (state >> 16) / float(1 << 32)))
    return out


I_all = inputs(1000)
for t in range(1, 1001):
    if v >= 30:
        print(t)
        v = c
        u = u + d
    I = I_all[t - 1]
    v = v + 0.5 * ((((0.04 * (v * v)) + (5 * v)) + 140) - u + I)
    v = v + 0.5 * ((((0.04 * (v * v)) + (5 * v)) + 140) - u + I)
    u = u + a * ((b * v) - u)
print(f"#final,{v!r},{u!r}")
