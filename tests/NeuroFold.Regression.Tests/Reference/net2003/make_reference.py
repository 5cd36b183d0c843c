#!/usr/bin/env python3
"""Reference data for NeuroFold's Net2003 network: inputs in Izhikevich's own format and the spikes of net.m.

Plain Python 3 (no numpy). Writes, beside this script:
  S.npy          N x N float64, C order, row = postsynaptic i, column = presynaptic j (net.m's S)
  I.npy          T x N float64, *Fortran* order, the thalamic input of every step (net.m's I before synapses)
  neurons.csv    neuron,a,b,c,d (0-based neuron, shortest round-trip decimals)
  expected_spikes.csv   neuron,t_ms of the transcription below (0-based neuron, t = 1..T), sorted by t then neuron

net.m (Izhikevich 2003, IEEE TNN 14:1569, Fig. 3 code), transcribed line by line for given a, b, c, d, S, I:
  v = -65*ones; u = b.*v
  for t = 1:T
    fired = find(v >= 30); firings = [firings; t+0*fired, fired]
    v(fired) = c(fired); u(fired) = u(fired) + d(fired)
    I = I + sum(S(:, fired), 2)                   % summed over fired in ascending order, from 0.0
    v = v + 0.5*(0.04*v.^2 + 5*v + 140 - u + I)   % twice: two 0.5 ms half steps
    v = v + 0.5*(0.04*v.^2 + 5*v + 140 - u + I)
    u = u + a.*(b.*v - u)
The random draws (rand, randn) are replaced by Python's random.Random(SEED) so the data is fixed; the recipe is the
paper's with N = 100 (Ne = 80, Ni = 20) and the weights scaled by 1000/N = 10 so that the smaller network keeps the
paper's mean synaptic drive per neuron and shows its population bursts.
"""
import os
import random
import struct

SEED = 2003
NE, NI = 80, 20
N = NE + NI
T = 200
SCALE = 1000.0 / N
HERE = os.path.dirname(os.path.abspath(__file__))


def write_npy(path, rows, cols, values_c_order, fortran):
    """Writes a float64 .npy (format 1.0) by hand: magic, header dict padded to 64 bytes, little-endian data."""
    if fortran:
        data = [values_c_order[i * cols + j] for j in range(cols) for i in range(rows)]
    else:
        data = list(values_c_order)
    header = "{'descr': '<f8', 'fortran_order': %s, 'shape': (%d, %d), }" % ('True' if fortran else 'False', rows, cols)
    pad = 64 - (10 + len(header) + 1) % 64
    header = header + ' ' * (pad % 64) + '\n'
    with open(path, 'wb') as f:
        f.write(b'\x93NUMPY\x01\x00')
        f.write(struct.pack('<H', len(header)))
        f.write(header.encode('latin1'))
        f.write(struct.pack('<%dd' % len(data), *data))


def main():
    rng = random.Random(SEED)
    re = [rng.random() for _ in range(NE)]
    ri = [rng.random() for _ in range(NI)]
    a = [0.02] * NE + [0.02 + 0.08 * r for r in ri]
    b = [0.2] * NE + [0.25 - 0.05 * r for r in ri]
    c = [-65.0 + 15.0 * (r * r) for r in re] + [-65.0] * NI
    d = [8.0 - 6.0 * (r * r) for r in re] + [2.0] * NI
    S = [0.0] * (N * N)  # S[i*N + j]
    for i in range(N):
        for j in range(N):
            S[i * N + j] = SCALE * 0.5 * rng.random() if j < NE else -SCALE * rng.random()
    thal = [0.0] * (T * N)  # thal[(t-1)*N + i]
    for t in range(T):
        for i in range(N):
            thal[t * N + i] = (5.0 if i < NE else 2.0) * rng.gauss(0.0, 1.0)

    # net.m
    v = [-65.0] * N
    u = [b[i] * v[i] for i in range(N)]
    firings = []
    for t in range(1, T + 1):
        I = thal[(t - 1) * N:t * N]
        fired = [i for i in range(N) if v[i] >= 30.0]
        firings += [(t, i) for i in fired]
        for i in fired:
            v[i] = c[i]
            u[i] = u[i] + d[i]
        for i in range(N):
            acc = 0.0
            for j in fired:
                acc += S[i * N + j]
            I[i] = I[i] + acc
        for i in range(N):
            vi, ui = v[i], u[i]
            vi = vi + 0.5 * ((((0.04 * (vi * vi)) + (5.0 * vi)) + 140.0) - ui + I[i])
            vi = vi + 0.5 * ((((0.04 * (vi * vi)) + (5.0 * vi)) + 140.0) - ui + I[i])
            ui = ui + a[i] * ((b[i] * vi) - ui)
            v[i], u[i] = vi, ui

    write_npy(os.path.join(HERE, 'S.npy'), N, N, S, fortran=False)
    write_npy(os.path.join(HERE, 'I.npy'), T, N, thal, fortran=True)
    with open(os.path.join(HERE, 'neurons.csv'), 'w', newline='\n') as f:
        f.write('neuron,a,b,c,d\n')
        for i in range(N):
            f.write('%d,%r,%r,%r,%r\n' % (i, a[i], b[i], c[i], d[i]))
    with open(os.path.join(HERE, 'expected_spikes.csv'), 'w', newline='\n') as f:
        f.write('neuron,t_ms\n')
        for t, i in firings:
            f.write('%d,%d\n' % (i, t))
    print('N=%d T=%d spikes=%d' % (N, T, len(firings)))


if __name__ == '__main__':
    main()
