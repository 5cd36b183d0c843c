#!/usr/bin/python3
"""An independent transcription of ALGORITHM.md appendix B (Izhikevich's daspnet.m, 2007) in plain Python loops.

The dopamine-modulated STDP network: spnet.m's step with D = 1, noise input, LTD 1.5, dopamine, the eligibility
update every 10 ms and the reward protocol. It follows the program's own data structures (the STDP array of
N x (1001 + D) columns shifted every second, the spike buffer `firings` with its sentinel, n1f as the list of n1's
spike times), not NeuroFold's (a ring of traces in global time, per-step spike lists). The random numbers are
NeuroFold's CounterRandom (docs/NUMERICS.md section 8), transcribed here from that text with 64-bit masking, so that
both programs see the same network, noise and reward delays:

  targets:      slot j of neuron i -> floor(U(seed, 10, i*100 + j) * (1000 if i < 800 else 800))
  noise:        I(n) = 13 * (U(seed, 11, (k - 1)*1000 + n) - 0.5) at 1-based global step k
  reward delay: 1000 + ceil(2000 * U(seed, 12, k - 1)) for a pairing detected at step k

Python floats are IEEE-754 binary64 and every operation is one rounded operation in the written order (no fused
multiply-add). numpy is used only to write .npy files.

Usage: daspnet_reference.py SEED SECONDS OUT_DIR
Writes OUT_DIR/spikes.csv (neuron,t_ms: 0-based neuron, 1-based global step of detection), OUT_DIR/weights.npy and
OUT_DIR/sd.npy (N x M after the last step) and OUT_DIR/per-second.csv
(second,excitatory_spikes,inhibitory_spikes,mean_excitatory_weight,rewarded_weight,mean_other_weight,dopamine,
rewards_scheduled,rewards_given; floats as repr()).
"""
import math
import sys
import numpy as np

N, NE, M, D = 1000, 800, 100, 1
SM = 4.0
MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def key(seed, stream):
    return (mix((((mix((seed + GOLDEN) & MASK) * GOLDEN) & MASK) + stream) & MASK) * GOLDEN) & MASK


def uniform(k, index):
    return float(mix((k + index) & MASK) >> 11) * (1.0 / 9007199254740992.0)


def main():
    seed, seconds, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    k_targets, k_noise, k_reward = key(seed, 10), key(seed, 11), key(seed, 12)

    # Network (appendix B): 2004 rule, repeats allowed; D = 1; weights +1 / -1; s(n1, syn) = 0.
    post = [[int(uniform(k_targets, i * M + j) * (N if i < NE else NE)) for j in range(M)] for i in range(N)]
    s = [[1.0 if i < NE else -1.0 for _ in range(M)] for i in range(N)]
    n1, syn = 0, 0
    n2 = post[n1][syn]
    s[n1][syn] = 0.0
    a = [0.02 if n < NE else 0.1 for n in range(N)]
    d = [8.0 if n < NE else 2.0 for n in range(N)]
    # delays{i,1} = all slots (D = 1); pre{n}: excitatory (i, j) with post(i, j) = n (pre is built before s(n1,syn)=0).
    pre = [[] for _ in range(N)]
    for i in range(NE):
        for j in range(M):
            pre[post[i][j]].append((i, j))

    v = [-65.0] * N
    u = [0.2 * -65.0] * N
    sd = [[0.0] * M for _ in range(N)]
    stdp = [[0.0] * (1001 + D) for _ in range(N)]   # column c (0-based) holds time c + 1 - D of the second
    firings = [(-D, -1)]
    DA = 0.0
    rew = []
    n1f = [-100]                                     # in daspnet.m's time 1000*sec0 + t (sec0 0-based) = global k

    spikes_out = open(f"{out}/spikes.csv", "w", newline="\n")
    spikes_out.write("neuron,t_ms\n")
    per_second = open(f"{out}/per-second.csv", "w", newline="\n")
    per_second.write("second,excitatory_spikes,inhibitory_spikes,mean_excitatory_weight,rewarded_weight,mean_other_weight,dopamine,rewards_scheduled,rewards_given\n")

    for sec in range(1, seconds + 1):
        scheduled = given = 0
        for t in range(1, 1001):
            k = 1000 * (sec - 1) + t
            col = t + D - 1
            I = [13.0 * (uniform(k_noise, (k - 1) * N + n) - 0.5) for n in range(N)]
            fired = [n for n in range(N) if v[n] >= 30.0]
            for n in fired:
                v[n] = -65.0
                u[n] = u[n] + d[n]
                stdp[n][col] = 0.1
            for n in fired:
                for (i, j) in pre[n]:
                    sd[i][j] = sd[i][j] + stdp[i][col - 1]       # delay 1
            for n in fired:
                firings.append((t, n))
            e = len(firings) - 1
            while firings[e][0] > t - D:
                tau, i = firings[e]
                # the group delays{i, t - tau + 1} = delays{i, 1}: all slots; one vectorised assignment
                new = [I[post[i][j]] + s[i][j] for j in range(M)]
                for j in range(M):
                    I[post[i][j]] = new[j]
                for j in range(M):
                    sd[i][j] = sd[i][j] - (1.5 * stdp[post[i][j]][col])
                e -= 1
            for n in range(N):
                A = 0.04 * v[n]; A = A + 5.0; A = A * v[n]; A = A + 140.0; A = A - u[n]; A = A + I[n]; A = 0.5 * A
                v[n] = v[n] + A
                A = 0.04 * v[n]; A = A + 5.0; A = A * v[n]; A = A + 140.0; A = A - u[n]; A = A + I[n]; A = 0.5 * A
                v[n] = v[n] + A
                B = 0.2 * v[n]; B = B - u[n]; B = a[n] * B
                u[n] = u[n] + B
            for n in range(N):
                stdp[n][col + 1] = 0.95 * stdp[n][col]
            # appendix B, after step 5.9
            DA = DA * 0.995
            if t % 10 == 0:
                g = 0.002 + DA
                for i in range(NE):
                    row, drow = s[i], sd[i]
                    for j in range(M):
                        row[j] = max(0.0, min(SM, row[j] + (g * drow[j])))
                for i in range(N):
                    drow = sd[i]
                    for j in range(M):
                        drow[j] = 0.99 * drow[j]
            now = k
            if n1 in fired:
                n1f.append(now)
            if n2 in fired:
                if now - n1f[-1] < 20 and now > n1f[-1]:
                    rew.append(now + 1000 + math.ceil(2000.0 * uniform(k_reward, k - 1)))
                    scheduled += 1
            if now in rew:
                DA = DA + 0.5
                given += 1
        # end of second: output, trace shift, spike-buffer shift (no weight update)
        exc = inh = 0
        for (tau, n) in firings:
            if tau >= 1:
                spikes_out.write(f"{n},{1000 * (sec - 1) + tau}\n")
                if n < NE:
                    exc += 1
                else:
                    inh += 1
        for n in range(N):
            for c in range(D + 1):
                stdp[n][c] = stdp[n][1000 + c]
        firings = [(-D, -1)] + [(tau - 1000, n) for (tau, n) in firings if tau > 1001 - D]
        total = others = 0.0
        for i in range(NE):
            for j in range(M):
                total = total + s[i][j]
                if (i, j) != (n1, syn):
                    others = others + s[i][j]
        per_second.write(f"{sec},{exc},{inh},{total / (NE * M)!r},{s[n1][syn]!r},{others / (NE * M - 1)!r},{DA!r},{scheduled},{given}\n")
    spikes_out.close()
    per_second.close()
    np.save(f"{out}/weights.npy", np.array(s, dtype=np.float64))
    np.save(f"{out}/sd.npy", np.array(sd, dtype=np.float64))


if __name__ == "__main__":
    main()
