#!/usr/bin/python3
"""An independent transcription of ALGORITHM.md (Izhikevich's spnet.m, 2008 revision) in plain Python loops.

It follows the text statement by statement, with the program's own data structures (the STDP array of
N x (1001 + D) columns with its shift at every second, the spike buffer F with its sentinel), not NeuroFold's
(a ring of traces in global time, per-step spike lists), so that the two are independent. Python floats are
IEEE-754 binary64 and every operation below is one rounded operation in the written order (no fused multiply-add).
numpy is used only to read and write .npy files.

Usage: spnet_reference.py DATA_DIR SECONDS OUT_DIR [SNAPSHOT_SECONDS, comma-separated]
Writes OUT_DIR/spikes.csv (neuron,t_ms: 0-based neuron, 1-based global step of detection, as NeuroFold's
spikes.csv), OUT_DIR/weights-SSSSs.npy, sd-SSSSs.npy (after the 0.9 decay), state-SSSSs.npy (shape (2, N): v, u)
and OUT_DIR/per-second.csv (second,excitatory_spikes,inhibitory_spikes,mean_excitatory_weight as repr()).
"""
import sys
import numpy as np

N, NE, M, D = 1000, 800, 100, 20
SM = 10.0


def main():
    data, seconds, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    snaps = set(int(s) for s in sys.argv[4].split(',')) if len(sys.argv) > 4 and sys.argv[4] else set()
    post = np.load(f"{data}/targets.npy").astype(np.int64).tolist()   # 0-based targets
    delay = np.load(f"{data}/delays.npy").astype(np.int64).tolist()
    s = [[float(x) for x in row] for row in np.load(f"{data}/weights.npy").tolist()]
    drive = np.load(f"{data}/drive.npy").astype(np.int64).tolist()    # 0-based neuron per 0-based step
    n_rows, m = len(post), len(post[0])
    assert (n_rows, m) == (N, M)

    a = [0.02 if n < NE else 0.1 for n in range(N)]
    d = [8.0 if n < NE else 2.0 for n in range(N)]

    # Section 3: delivery groups G(i, q), slots ascending; plastic inputs P(n) (pairs (i, j), i excitatory).
    groups = [[[] for _ in range(D + 1)] for _ in range(N)]
    for i in range(N):
        for j in range(M):
            groups[i][delay[i][j]].append(j)
    pre = [[] for _ in range(N)]
    for i in range(NE):
        for j in range(M):
            pre[post[i][j]].append((i, j))

    # Section 4.
    v = [-65.0] * N
    u = [0.2 * -65.0] * N
    sd = [[0.0] * M for _ in range(N)]
    stdp = [[0.0] * (1001 + D) for _ in range(N)]   # column c (0-based) holds time c + 1 - D of the second
    firings = [(-D, -1)]                            # sentinel (-20, neuron 0 in 1-based: -1 here)

    spikes_out = open(f"{out}/spikes.csv", "w", newline="\n")
    spikes_out.write("neuron,t_ms\n")
    per_second = open(f"{out}/per-second.csv", "w", newline="\n")
    per_second.write("second,excitatory_spikes,inhibitory_spikes,mean_excitatory_weight\n")

    for sec in range(1, seconds + 1):
        for t in range(1, 1001):
            k = 1000 * (sec - 1) + t
            col = t + D - 1                          # 0-based column of time t
            # 5.1
            I = [0.0] * N
            I[drive[k - 1]] = 20.0
            # 5.2
            fired = [n for n in range(N) if v[n] >= 30.0]
            for n in fired:
                # 5.3
                v[n] = -65.0
                u[n] = u[n] + d[n]
                # 5.4
                stdp[n][col] = 0.1
            # 5.5
            for n in fired:
                for (i, j) in pre[n]:
                    sd[i][j] = sd[i][j] + stdp[i][col - delay[i][j]]
            # 5.6
            for n in fired:
                firings.append((t, n))
            # 5.7
            e = len(firings) - 1
            while firings[e][0] > t - D:
                tau, i = firings[e]
                q = t - tau + 1
                ind = groups[i][q]
                old = [I[post[i][j]] for j in ind]          # vectorised assignment: old values read first
                for x, j in enumerate(ind):
                    I[post[i][j]] = old[x] + s[i][j]
                for j in ind:
                    sd[i][j] = sd[i][j] - (1.2 * stdp[post[i][j]][col])
                e -= 1
            # 5.8
            for n in range(N):
                for _ in range(2):
                    A = 0.04 * v[n]
                    A = A + 5.0
                    A = A * v[n]
                    A = A + 140.0
                    A = A - u[n]
                    A = A + I[n]
                    A = 0.5 * A
                    v[n] = v[n] + A
                B = 0.2 * v[n]
                B = B - u[n]
                B = a[n] * B
                u[n] = u[n] + B
            # 5.9
            for n in range(N):
                stdp[n][col + 1] = 0.95 * stdp[n][col]
        # 6.1
        ne = ni = 0
        for (tau, n) in firings:
            if tau >= 1:
                spikes_out.write(f"{n},{1000 * (sec - 1) + tau}\n")
                if n < NE:
                    ne += 1
                else:
                    ni += 1
        # 6.2: columns 1001..1001+D (1-based) -> 1..D+1
        for n in range(N):
            row = stdp[n]
            for c in range(D + 1):
                row[c] = row[1000 + c]
        # 6.3
        firings = [(-D, -1)] + [(tau - 1000, n) for (tau, n) in firings if tau > 1001 - D]
        # 6.4
        for i in range(NE):
            for j in range(M):
                s[i][j] = max(0.0, min(SM, (0.01 + s[i][j]) + sd[i][j]))
        # 6.5
        for i in range(N):
            for j in range(M):
                sd[i][j] = 0.9 * sd[i][j]
        total = 0.0
        for i in range(NE):
            for j in range(M):
                total = total + s[i][j]
        per_second.write(f"{sec},{ne},{ni},{total / (NE * M)!r}\n")
        if sec in snaps:
            np.save(f"{out}/weights-{sec:04d}s.npy", np.array(s, dtype=np.float64))
            np.save(f"{out}/sd-{sec:04d}s.npy", np.array(sd, dtype=np.float64))
            np.save(f"{out}/state-{sec:04d}s.npy", np.array([v, u], dtype=np.float64))
        print(f"second {sec}: {ne} E spikes, {ni} I spikes", file=sys.stderr, flush=True)
    spikes_out.close()
    per_second.close()


if __name__ == "__main__":
    main()
