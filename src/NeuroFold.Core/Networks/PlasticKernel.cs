using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NeuroFold.Core.Arithmetic;
using NeuroFold.Core.Models;
using NeuroFold.Core.Schemes;
using NeuroFold.Core.Simulation;

namespace NeuroFold.Core.Networks;

/// <summary>The working buffers of one plastic network run at arithmetic <typeparamref name="TLane"/>; used only inside <see cref="PlasticSimulation.Run(PlasticNetwork, PlasticityRule, int, ReadOnlySpan{int}, int, Action{int}?)"/>.</summary>
/// <remarks>
/// The order of operations is ALGORITHM.md's (docs/NUMERICS.md, section 12). The membrane update is
/// <see cref="Net2003Scheme"/>'s step with the factored drive, a vector of neurons at a time; its reset is the
/// detection's. Traces live in a ring of 32 steps in global time (column <c>τ mod 32</c>), which holds the 21 values
/// a step reads (x(k − 20) … x(k)) and the one it writes (x(k + 1)); times ≤ 0 are columns never written, so 0.
/// Slots are stored by (presynaptic neuron, delay, slot), so that a delivery group G(i, q) is one contiguous run;
/// snapshots and the mean weight read them back in row-major order.
/// </remarks>
/// <typeparam name="TLane">The arithmetic.</typeparam>
/// <typeparam name="TMask">Its masks.</typeparam>
internal sealed class PlasticKernel<TLane, TMask>
    where TLane : struct, ILane<TLane, TMask>
    where TMask : struct
{
    const int D = PlasticNetwork.MaxDelayMs;
    const int Ring = 32;
    const int RingMask = Ring - 1;

    readonly int n;
    readonly int ne;
    readonly int m;
    readonly int maxQ;
    readonly int plasticRows;

    // the sparse network's input and order (NetworkKernel's): I = e + acc, acc summed oldest spike first
    readonly bool sparseOrder;
    readonly double[]? sigma;
    readonly ulong thalamicKey;
    readonly double[] external;
    readonly double[] pendingInput;
    readonly int lanes;
    readonly double[] v;
    readonly double[] u;
    readonly double[] input;
    readonly Net2003Scheme.Constants<TLane, TMask>[] constants;
    readonly double[] trace;
    readonly PlasticityRule rule;
    readonly int[] drive;
    readonly double driveCurrent;

    // dopamine-modulated STDP (daspnet.m): the noise input, DA, the rewarded synapse and the pending rewards
    readonly bool dopamine;
    readonly DopamineProtocol protocol;
    readonly ulong noiseKey;
    readonly ulong rewardKey;
    readonly int rewardedSlot;
    readonly int rewardedRow;
    readonly int n1;
    readonly int n2;
    readonly List<int> pending = [];
    double da;
    int lastN1 = int.MinValue / 2;

    // slots in group order p: groups G(i, q) = groupStart[i·(maxQ+1) + q] … groupStart[i·(maxQ+1) + q + 1] − 1 (q ≤ maxQ)
    readonly int[] groupStart;
    readonly bool[] repeated;
    readonly int[] slotTarget;
    readonly int[] slotOfRow;
    readonly double[] s;
    readonly double[] sd;
    readonly double[] scratch;

    // plastic inputs P(n): preStart[n] … preStart[n + 1] − 1
    readonly int[] preStart;
    readonly int[] preSlot;
    readonly int[] preSource;
    readonly int[] preDelay;

    // spikes of the last 32 steps, ascending within a step
    readonly int[][] firedAt;
    readonly int[] firedCount;

    // membrane blocks
    readonly int blocks;
    readonly int blockSize;
    readonly Action<int> body;
    Action<int, double[]>? observeInput;

    public PlasticKernel(PlasticNetwork network, PlasticityRule rule, int threads, int minBlockNeurons)
        : this(network, rule, null, threads, minBlockNeurons)
    {
    }

    /// <summary>A kernel for <c>spnet.m</c>'s rule, or with <paramref name="dopamine"/> for <c>daspnet.m</c>'s.</summary>
    public PlasticKernel(PlasticNetwork network, PlasticityRule rule, DopamineProtocol? dopamine, int threads, int minBlockNeurons)
        : this(
            network.Neurons, Rows(network.Neurons.Count, network.SynapsesPerNeuron), Raw(network.Targets), Raw(network.DelaysMs), Raw(network.Weights),
            D, rule, Raw(network.Drive), network.DriveCurrent, null, 0, false, threads, minBlockNeurons)
    {
        m = network.SynapsesPerNeuron;
        if (dopamine is { } d)
        {
            this.dopamine = true;
            protocol = d;
            noiseKey = Random.CounterRandom.Key(d.Seed, RandomStreams.DopamineNoise);
            rewardKey = Random.CounterRandom.Key(d.Seed, RandomStreams.DopamineRewardDelay);
            rewardedRow = (d.RewardedNeuron * m) + d.RewardedSlot;
            rewardedSlot = slotOfRow[rewardedRow];
            n1 = d.RewardedNeuron;
            n2 = network.Targets[rewardedRow];
        }
    }

    /// <summary>A kernel for a sparse network with its thalamic noise (<see cref="NetworkKernel{TLane, TMask}"/>'s delivery order and input, <c>net.m</c>'s drive order) and <c>spnet.m</c>'s STDP.</summary>
    /// <remarks>A synapse of delay d steps (delivered d steps after the spike) is group q = d + 1 of the spnet layout.</remarks>
    public PlasticKernel(Network network, Connectivity.Sparse sparse, NetworkInput.Thalamic thalamic, PlasticityRule rule, int threads, int minBlockNeurons)
        : this(
            network.Neurons, Raw(sparse.RowStart), Raw(sparse.Targets), Groups(sparse.DelaysSteps), Raw(sparse.Weights), sparse.MaxDelaySteps + 1, rule,
            null, 0.0, Raw(thalamic.Sigma), Random.CounterRandom.Key(thalamic.Seed, RandomStreams.ThalamicNoise), true, threads, minBlockNeurons)
    {
    }

    PlasticKernel(
        NetworkNeurons neurons, int[] rowStart, int[] targets, int[] groups, double[] weights, int maxGroup, PlasticityRule rule,
        int[]? drive, double driveCurrent, double[]? sigma, ulong thalamicKey, bool sparseOrder, int threads, int minBlockNeurons)
    {
        n = neurons.Count;
        ne = neurons.Excitatory;
        maxQ = maxGroup;
        this.rule = rule;
        this.sparseOrder = sparseOrder;
        this.sigma = sigma;
        this.thalamicKey = thalamicKey;
        int w = TLane.Count;
        lanes = (n + w - 1) / w * w;
        v = new double[lanes];
        u = new double[lanes];
        input = new double[lanes];
        external = sparseOrder ? new double[lanes] : [];
        pendingInput = sparseOrder ? new double[lanes] : [];
        var parameters = new IzhikevichParameters[lanes];
        for (int i = 0; i < lanes; i++)
        {
            int from = Math.Min(i, n - 1);
            parameters[i] = neurons.Parameters(from);
            v[i] = i < n ? neurons.V0[i] : Izhikevich2003Network.V0Mv;
            u[i] = i < n ? neurons.U0[i] : neurons.B[from] * Izhikevich2003Network.V0Mv;
        }

        constants = new Net2003Scheme.Constants<TLane, TMask>[lanes / w];
        for (int k = 0; k < constants.Length; k++)
        {
            constants[k] = Net2003Scheme.Constants<TLane, TMask>.Prepare(parameters.AsSpan(k * w, w), NetworkSimulation.StepMs, 1.0) with { FactoredDrive = !sparseOrder };
        }

        trace = new double[Ring * lanes];
        this.drive = drive ?? [];
        this.driveCurrent = driveCurrent;

        int size = rowStart[n];
        plasticRows = rowStart[ne];
        groupStart = new int[(n * (maxQ + 1)) + 1];
        repeated = new bool[n * (maxQ + 1)];
        slotTarget = new int[size];
        slotOfRow = new int[size];
        s = new double[size];
        sd = new double[size];
        int widest = 0;
        for (int i = 0; i < n; i++)
        {
            widest = Math.Max(widest, rowStart[i + 1] - rowStart[i]);
        }

        scratch = new double[widest];
        var seen = new int[n];
        Array.Fill(seen, -1);
        var count = new int[maxQ + 2];
        for (int i = 0; i < n; i++)
        {
            // groups G(i, q) in ascending q, each in row order: a counting sort of the row by q
            Array.Clear(count);
            for (int row = rowStart[i]; row < rowStart[i + 1]; row++)
            {
                count[groups[row] + 1]++;
            }

            int p = rowStart[i];
            for (int q = 0; q <= maxQ; q++)
            {
                groupStart[(i * (maxQ + 1)) + q] = p;
                p += count[q + 1];
                count[q + 1] = groupStart[(i * (maxQ + 1)) + q];
            }

            for (int row = rowStart[i]; row < rowStart[i + 1]; row++)
            {
                int q = groups[row];
                int g = (i * (maxQ + 1)) + q;
                int at = count[q + 1]++;
                slotTarget[at] = targets[row];
                slotOfRow[row] = at;
                s[at] = weights[row];
            }

            for (int q = 0; q <= maxQ; q++)
            {
                int g = (i * (maxQ + 1)) + q;
                for (int at = groupStart[g], end = q < maxQ ? groupStart[g + 1] : rowStart[i + 1]; at < end; at++)
                {
                    repeated[g] |= seen[slotTarget[at]] == g;
                    seen[slotTarget[at]] = g;
                }
            }
        }

        groupStart[n * (maxQ + 1)] = size;

        preStart = new int[n + 1];
        for (int row = 0; row < plasticRows; row++)
        {
            preStart[targets[row] + 1]++;
        }

        for (int k = 0; k < n; k++)
        {
            preStart[k + 1] += preStart[k];
        }

        int plastic = preStart[n];
        preSlot = new int[plastic];
        preSource = new int[plastic];
        preDelay = new int[plastic];
        var fill = preStart.AsSpan(0, n).ToArray();
        for (int i = 0; i < ne; i++)
        {
            for (int row = rowStart[i]; row < rowStart[i + 1]; row++)
            {
                int at = fill[targets[row]]++;
                preSlot[at] = slotOfRow[row];
                preSource[at] = i;
                preDelay[at] = groups[row];
            }
        }

        firedAt = new int[Ring][];
        for (int r = 0; r < Ring; r++)
        {
            firedAt[r] = new int[n];
        }

        firedCount = new int[Ring];
        int perThread = (n + threads - 1) / threads;
        blocks = threads > 1 && perThread >= minBlockNeurons ? threads : 1;
        blockSize = blocks == 1 ? lanes : (perThread + w - 1) / w * w;
        body = Integrate;
    }

    /// <summary>Row starts of N rows of M slots.</summary>
    static int[] Rows(int n, int m)
    {
        var rows = new int[n + 1];
        for (int i = 0; i <= n; i++)
        {
            rows[i] = i * m;
        }

        return rows;
    }

    /// <summary>The spnet group of each sparse synapse: q = delay + 1.</summary>
    static int[] Groups(ImmutableArray<byte> delays)
    {
        var q = new int[delays.Length];
        for (int k = 0; k < q.Length; k++)
        {
            q[k] = delays[k] + 1;
        }

        return q;
    }

    static T[] Raw<T>(ImmutableArray<T> array) => ImmutableCollectionsMarshal.AsArray(array)!;

    /// <summary>Runs <paramref name="seconds"/> seconds, keeping the snapshots of the seconds in <paramref name="snapshotAt"/> (ascending).</summary>
    /// <param name="seconds">Seconds to run.</param>
    /// <param name="snapshotAt">Snapshot seconds, ascending.</param>
    /// <param name="progress">Told the seconds done.</param>
    /// <param name="observeInput">Tests only: shown each step's complete input I (step k, then the N values) just before the membrane update.</param>
    public PlasticResult Run(int seconds, int[] snapshotAt, Action<int>? progress, Action<int, double[]>? observeInput = null)
    {
        this.observeInput = observeInput;
        var spikeSteps = new List<int>();
        var spikeNeurons = new List<int>();
        var perSecond = new List<PlasticSecond>(seconds);
        var snapshots = new List<PlasticSnapshot>(snapshotAt.Length);
        var histograms = new int[seconds * PlasticResult.WeightBins];
        RunStatus status = new RunStatus.Completed();
        int next = 0;
        int done = 0;
        using var team = new StepTeam(blocks, body);
        for (int sec = 1; sec <= seconds; sec++)
        {
            int excitatory = 0;
            int inhibitory = 0;
            for (int t = 1; t <= 1000; t++)
            {
                int k = (1000 * (sec - 1)) + t;
                Record(k, Step(k, team), spikeSteps, spikeNeurons, ref excitatory, ref inhibitory);
            }

            double mean = UpdateWeights(histograms.AsSpan((sec - 1) * PlasticResult.WeightBins, PlasticResult.WeightBins));
            perSecond.Add(new PlasticSecond(sec, excitatory, inhibitory, mean));
            done = sec;
            int bad = FirstNonFinite();
            if (bad >= 0)
            {
                status = new RunStatus.NonFinite((1000 * sec) - 1, 1000.0 * sec, bad);
                break;
            }

            while (next < snapshotAt.Length && snapshotAt[next] < sec)
            {
                next++;
            }

            if (next < snapshotAt.Length && snapshotAt[next] == sec)
            {
                snapshots.Add(Snapshot(sec));
            }

            progress?.Invoke(sec);
        }

        return new PlasticResult(
            [.. spikeSteps], [.. spikeNeurons], [.. perSecond], [.. snapshots], [.. histograms.AsSpan(0, done * PlasticResult.WeightBins)], Snapshot(done), status);
    }

    /// <summary>Appends the <paramref name="fired"/> spikes of step <paramref name="k"/> and counts them by population.</summary>
    void Record(int k, int fired, List<int> spikeSteps, List<int> spikeNeurons, ref int excitatory, ref int inhibitory)
    {
        var list = firedAt[k & RingMask];
        for (int x = 0; x < fired; x++)
        {
            spikeSteps.Add(k - 1);
            spikeNeurons.Add(list[x]);
            if (list[x] < ne)
            {
                excitatory++;
            }
            else
            {
                inhibitory++;
            }
        }
    }

    /// <summary>Runs <paramref name="seconds"/> seconds of dopamine-modulated STDP (<c>daspnet.m</c>; ALGORITHM.md appendix B).</summary>
    /// <param name="seconds">Seconds to run.</param>
    /// <param name="progress">Told the seconds done.</param>
    public DopamineResult RunDopamine(int seconds, Action<int>? progress)
    {
        var spikeSteps = new List<int>();
        var spikeNeurons = new List<int>();
        var perSecond = new List<PlasticSecond>(seconds);
        var rewards = new List<DopamineSecond>(seconds);
        var histograms = new int[seconds * PlasticResult.WeightBins];
        RunStatus status = new RunStatus.Completed();
        int done = 0;
        using var team = new StepTeam(blocks, body);
        for (int sec = 1; sec <= seconds; sec++)
        {
            int excitatory = 0;
            int inhibitory = 0;
            int scheduled = 0;
            int given = 0;
            for (int t = 1; t <= 1000; t++)
            {
                int k = (1000 * (sec - 1)) + t;
                int fired = Step(k, team);
                Record(k, fired, spikeSteps, spikeNeurons, ref excitatory, ref inhibitory);
                Reward(k, fired, ref scheduled, ref given);
            }

            var (mean, others) = WeightStatistics(histograms.AsSpan((sec - 1) * PlasticResult.WeightBins, PlasticResult.WeightBins));
            perSecond.Add(new PlasticSecond(sec, excitatory, inhibitory, mean));
            rewards.Add(new DopamineSecond(sec, s[rewardedSlot], others, da, scheduled, given));
            done = sec;
            int bad = FirstNonFinite();
            if (bad >= 0)
            {
                status = new RunStatus.NonFinite((1000 * sec) - 1, 1000.0 * sec, bad);
                break;
            }

            progress?.Invoke(sec);
        }

        var plastic = new PlasticResult(
            [.. spikeSteps], [.. spikeNeurons], [.. perSecond], [], [.. histograms.AsSpan(0, done * PlasticResult.WeightBins)], Snapshot(done), status);
        return new DopamineResult(plastic, [.. rewards]);
    }

    /// <summary>ALGORITHM.md appendix B, after step 5.9: DA decay, the eligibility update every 10 ms, the pairing bookkeeping, the reward.</summary>
    void Reward(int k, int fired, ref int scheduled, ref int given)
    {
        da = DopamineProtocol.DopamineDecay * da;
        if (k % DopamineProtocol.EligibilityPeriodMs == 0)
        {
            EligibilityUpdate(protocol.BaselineGain + da);
        }

        var list = firedAt[k & RingMask].AsSpan(0, fired);
        bool n1Fired = list.BinarySearch(n1) >= 0;
        bool n2Fired = list.BinarySearch(n2) >= 0;
        if (n1Fired)
        {
            lastN1 = k;
        }

        if (n2Fired && !n1Fired && k - lastN1 < DopamineProtocol.PairingWindowMs)
        {
            double r = Random.CounterRandom.UniformAt(rewardKey, (ulong)(k - 1));
            pending.Add(k + DopamineProtocol.RewardDelayMs + (int)Math.Ceiling(DopamineProtocol.RewardSpreadMs * r));
            scheduled++;
        }

        bool due = false;
        for (int x = pending.Count - 1; x >= 0; x--)
        {
            if (pending[x] == k)
            {
                due = true;
                pending.RemoveAt(x);
            }
        }

        if (due)
        {
            da += protocol.RewardDopamine;
            given++;
        }
    }

    /// <summary><c>s = max(0, min(MaxWeight, s + gain·sd))</c> on the excitatory slots, then <c>sd = SdDecay·sd</c> on every slot.</summary>
    /// <remarks>Lane by lane the same operations as the scalar form: one product, one sum, then the bounds (weights are never −0 or NaN here).</remarks>
    void EligibilityUpdate(double gain)
    {
        int plastic = groupStart[ne * (maxQ + 1)];
        int w = TLane.Count;
        var g = TLane.Constant(gain);
        var top = TLane.Constant(rule.MaxWeight);
        var zero = TLane.Constant(0.0);
        int p = 0;
        for (; p + w <= plastic; p += w)
        {
            var x = TLane.Min(top, TLane.Load(s, p) + (g * TLane.Load(sd, p)));
            TLane.Store(TLane.Select(TLane.LessThan(x, zero), zero, x), s, p);
        }

        for (; p < plastic; p++)
        {
            s[p] = Math.Max(0.0, Math.Min(rule.MaxWeight, s[p] + (gain * sd[p])));
        }

        var decay = TLane.Constant(rule.SdDecay);
        p = 0;
        for (; p + w <= sd.Length; p += w)
        {
            TLane.Store(decay * TLane.Load(sd, p), sd, p);
        }

        for (; p < sd.Length; p++)
        {
            sd[p] = rule.SdDecay * sd[p];
        }
    }

    /// <summary>The mean of every excitatory slot's weight and the mean of the others than the rewarded one (row-major sums), and the histogram of the others.</summary>
    (double Mean, double Others) WeightStatistics(Span<int> histogram)
    {
        double total = 0.0;
        double others = 0.0;
        double max = rule.MaxWeight;
        double scale = PlasticResult.WeightBins / max;
        for (int row = 0; row < plasticRows; row++)
        {
            double weight = s[slotOfRow[row]];
            total += weight;
            if (row != rewardedRow)
            {
                others += weight;
                histogram[Math.Clamp((int)(weight * scale), 0, PlasticResult.WeightBins - 1)]++;
            }
        }

        int count = plasticRows;
        return (count == 0 ? 0.0 : total / count, count <= 1 ? 0.0 : others / (count - 1));
    }

    /// <summary>One step, global 1-based <paramref name="k"/>: ALGORITHM.md 5.1 … 5.9; returns how many neurons fired.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    int Step(int k, StepTeam team)
    {
        int now = (k & RingMask) * lanes;

        // 5.1: I = 0, then the thalamic neuron's I is assigned; or (daspnet.m) every I is assigned its noise.
        if (dopamine)
        {
            double amplitude = DopamineProtocol.NoiseAmplitude;
            ulong first = (ulong)(k - 1) * (ulong)n;
            for (int i = 0; i < n; i++)
            {
                input[i] = amplitude * (Random.CounterRandom.UniformAt(noiseKey, first + (ulong)i) - 0.5);
            }
        }
        else if (sparseOrder)
        {
            ThalamicNoise.Fill(external, sigma!, thalamicKey, (ulong)(k - 1) * (ulong)n, 0, n);
            Array.Clear(pendingInput);
        }
        else
        {
            Array.Clear(input);
            input[drive[k - 1]] = driveCurrent;
        }

        // 5.2: fired = v ≥ 30 on the previous step's state, ascending. (5.3, the reset, is the first part of the scheme's step below.)
        var list = firedAt[k & RingMask];
        int count = 0;
        for (int i = 0; i < lanes; i += TLane.Count)
        {
            ulong bits = Net2003Scheme.Fires<TLane, TMask>(TLane.Load(v, i)) & ValidLanes(i);
            for (; bits != 0; bits &= bits - 1)
            {
                list[count++] = i + BitOperations.TrailingZeroCount(bits);
            }
        }

        firedCount[k & RingMask] = count;

        // 5.4: the trace at the spike.
        double atSpike = rule.TraceAtSpike;
        for (int x = 0; x < count; x++)
        {
            trace[now + list[x]] = atSpike;
        }

        // 5.5: LTP, sd(i, j) += x_i(k − delay(i, j)) for every plastic input of a fired neuron.
        var ps = preStart;
        var pSlot = preSlot;
        var pSource = preSource;
        var pDelay = preDelay;
        var x_ = trace;
        var sdv = sd;
        for (int x = 0; x < count; x++)
        {
            int target = list[x];
            for (int r = ps[target], end = ps[target + 1]; r < end; r++)
            {
                sdv[pSlot[r]] += x_[(((k - pDelay[r]) & RingMask) * lanes) + pSource[r]];
            }
        }

        // 5.6 is the list itself. 5.7: the spikes of steps k, k − 1, …, k − 19, newest first, neurons descending.
        double ltd = rule.LtdFactor;
        var gs = groupStart;
        var tg = slotTarget;
        var w = s;
        var cur = input;
        int oldest = Math.Max(1, k - maxQ + 1);
        if (sparseOrder)
        {
            // NetworkKernel's order: the pending sum starts at 0 and takes the spikes oldest first, neurons ascending,
            // each group in row order (a target's weights arrive in the order it receives them there), then I = e + acc.
            var acc = pendingInput;
            for (int tau = oldest; tau <= k; tau++)
            {
                var spikes = firedAt[tau & RingMask];
                int q = k - tau + 1;
                for (int x = 0, c = firedCount[tau & RingMask]; x < c; x++)
                {
                    int g = (spikes[x] * (maxQ + 1)) + q;
                    for (int p = gs[g], b = gs[g + 1]; p < b; p++)
                    {
                        int target = tg[p];
                        acc[target] += w[p];
                        sdv[p] -= ltd * x_[now + target];
                    }
                }
            }

            var ext = external;
            for (int i = 0; i < n; i++)
            {
                cur[i] = ext[i] + acc[i];
            }
        }
        else
        {
            for (int tau = k; tau >= oldest; tau--)
            {
                var spikes = firedAt[tau & RingMask];
                int q = k - tau + 1;
                for (int x = firedCount[tau & RingMask] - 1; x >= 0; x--)
                {
                    int g = (spikes[x] * (maxQ + 1)) + q;
                    int a = gs[g];
                    int b = gs[g + 1];
                    if (repeated[g])
                    {
                        DeliverRepeated(a, b, now);
                        continue;
                    }

                    for (int p = a; p < b; p++)
                    {
                        int target = tg[p];
                        cur[target] += w[p];
                        sdv[p] -= ltd * x_[now + target];
                    }
                }
            }
        }

        observeInput?.Invoke(k, input);

        // 5.8: the membrane update, Net2003Scheme's step (reset, two half steps, u).
        team.Run();

        // 5.9: x(k + 1) = decay · x(k).
        int after = ((k + 1) & RingMask) * lanes;
        var decay = TLane.Constant(rule.TraceDecay);
        for (int i = 0; i < lanes; i += TLane.Count)
        {
            TLane.Store(TLane.Load(x_, now + i) * decay, x_, after + i);
        }

        return count;
    }

    /// <summary>A group with a repeated target, as <c>spnet.m</c>'s vectorised assignment does it: every new value from the old ones, the last slot of a target wins; then LTD.</summary>
    void DeliverRepeated(int a, int b, int now)
    {
        for (int p = a; p < b; p++)
        {
            scratch[p - a] = input[slotTarget[p]] + s[p];
        }

        for (int p = a; p < b; p++)
        {
            input[slotTarget[p]] = scratch[p - a];
        }

        for (int p = a; p < b; p++)
        {
            sd[p] -= rule.LtdFactor * trace[now + slotTarget[p]];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Integrate(int block)
    {
        int w = TLane.Count;
        int from = block * blockSize;
        int to = Math.Min(lanes, from + blockSize);
        for (int i = from; i < to; i += w)
        {
            var vi = TLane.Load(v, i);
            var ui = TLane.Load(u, i);
            constants[i / w].Step(ref vi, ref ui, TLane.Load(input, i));
            TLane.Store(vi, v, i);
            TLane.Store(ui, u, i);
        }
    }

    /// <summary>ALGORITHM.md 6.4 and 6.5; returns the mean excitatory weight (row-major sum) and counts the excitatory weights into <paramref name="histogram"/>.</summary>
    double UpdateWeights(Span<int> histogram)
    {
        double drift = rule.Drift;
        double max = rule.MaxWeight;
        int plastic = groupStart[ne * (maxQ + 1)];
        for (int p = 0; p < plastic; p++)
        {
            s[p] = Math.Max(0.0, Math.Min(max, (drift + s[p]) + sd[p]));
        }

        double factor = rule.SdDecay;
        for (int p = 0; p < sd.Length; p++)
        {
            sd[p] = factor * sd[p];
        }

        double total = 0.0;
        double scale = PlasticResult.WeightBins / max;
        for (int row = 0; row < plasticRows; row++)
        {
            double weight = s[slotOfRow[row]];
            total += weight;
            histogram[Math.Clamp((int)(weight * scale), 0, PlasticResult.WeightBins - 1)]++;
        }

        return plasticRows == 0 ? 0.0 : total / plasticRows;
    }

    int FirstNonFinite()
    {
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(v[i]) || !double.IsFinite(u[i]))
            {
                return i;
            }
        }

        return -1;
    }

    PlasticSnapshot Snapshot(int second)
    {
        var weights = new double[slotOfRow.Length];
        var change = new double[slotOfRow.Length];
        for (int row = 0; row < weights.Length; row++)
        {
            weights[row] = s[slotOfRow[row]];
            change[row] = sd[slotOfRow[row]];
        }

        return new PlasticSnapshot(
            second,
            ImmutableCollectionsMarshal.AsImmutableArray(weights),
            ImmutableCollectionsMarshal.AsImmutableArray(change),
            ImmutableCollectionsMarshal.AsImmutableArray(v.AsSpan(0, n).ToArray()),
            ImmutableCollectionsMarshal.AsImmutableArray(u.AsSpan(0, n).ToArray()));
    }

    /// <summary>The lanes of the vector starting at <paramref name="first"/> that are neurons, not padding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    ulong ValidLanes(int first) => n - first >= TLane.Count ? ulong.MaxValue : (1UL << (n - first)) - 1;
}
