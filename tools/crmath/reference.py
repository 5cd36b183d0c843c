#!/usr/bin/python3
"""Reference values of exp, log, sin and cos, correctly rounded to binary64, from mpmath at 320+ bits.

  reference.py generate OUTDIR [--count N] [--seed S]
      writes OUTDIR/{exp,log,sin,cos}.args: N arguments per function (uniform over the ranges the core uses, uniform
      over the whole double range by bits, log-uniform magnitudes, subnormals, huge values) followed by the hard and
      special cases of hard_cases(); one 16-digit hex word per line.
  reference.py reference OUTDIR [--jobs J]
      writes OUTDIR/FUNC.ref: the correctly rounded result of every argument (hex bits), from mpmath.
  reference.py compare OUTDIR FUNC RESULTS
      compares RESULTS (hex bits per line, e.g. from `NeuroFold.Benchmarks crmath FUNC OUTDIR/FUNC.args RESULTS`)
      with OUTDIR/FUNC.ref and prints the count of arguments, of differing results and the largest difference in ulps.
  reference.py hard OUTDIR
      writes OUTDIR/FUNC.hard: the hard cases only, with how close each exact value lies to a rounding midpoint.

Correct rounding of the reference: mpmath's mpf is an exact binary number m·2^e; to_double() rounds it to the
nearest binary64 by integer arithmetic (ties to even, gradual underflow, overflow to inf), not through float() (whose
ldexp would round twice in the subnormal range). The function is evaluated at 320 bits (mpmath's elementary
functions are accurate to a few units of the working precision; sin/cos add the argument's exponent to it for their
reduction), and the value is accepted only if it lies at least 2^-300 (relatively) away from every rounding midpoint;
otherwise it is recomputed at 1200 bits (and checked again). Exact cases (exp 0, log 1, sin 0, cos 0) and the special
values are handled by IEEE 754's rules before.
"""
import math
import os
import random
import struct
import sys
from multiprocessing import Pool

import mpmath
from mpmath import mp, mpf

FUNCS = ("exp", "log", "sin", "cos")


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def hexbits(x):
    return f"{bits(x):016X}"


def to_double_exact(man, exp):
    """Round man*2^exp (man > 0 an int) to the nearest double; returns (double, distance of the value from the
    nearest rounding midpoint, in ulps of the result, as a float in [0, 0.5])."""
    nb = man.bit_length()
    if exp + nb > 1025:  # >= 2^1024: overflows
        return math.inf, 0.5
    if exp + nb < -1076:  # < 2^-1076, below half the smallest subnormal
        return 0.0, 0.5
    # target last-bit position s such that the result keeps 53 bits, or the subnormal unit 2^-1074
    s = max(nb - 53, -1074 - exp)
    if s <= 0:
        val = man << (-s)
        d = math.ldexp(float(val), exp + s)
        return d, 0.5
    q, r = divmod(man, 1 << s)
    half = 1 << (s - 1)
    if r > half or (r == half and (q & 1)):
        q += 1
    dist = abs(r - half) / float(1 << s)  # 0 = exactly on the midpoint, 0.5 = on a double
    e = exp + s
    # q * 2^e, q <= 2^53
    if q == 0:
        return 0.0, dist
    if q.bit_length() + e > 1024:
        return math.inf, dist
    return math.ldexp(float(q), e), dist  # exact: q has <= 53 bits and q*2^e is representable


def to_double(v):
    """The double nearest to the mpf v, and the midpoint distance in ulps."""
    if v == 0:
        return 0.0, 0.5
    sign, man, exp, bc = v._mpf_
    d, dist = to_double_exact(int(man), int(exp))
    return (-d if sign else d), dist


def special(func, x):
    """IEEE 754 special cases; None when x is an ordinary argument."""
    if math.isnan(x):
        return x
    if func == "exp":
        if x == math.inf:
            return math.inf
        if x == -math.inf:
            return 0.0
        if x == 0.0:
            return 1.0
    elif func == "log":
        if x < 0 or x == -math.inf:
            return math.nan
        if x == 0.0:
            return -math.inf
        if x == math.inf:
            return math.inf
        if x == 1.0:
            return 0.0
    else:
        if math.isinf(x):
            return math.nan
        if x == 0.0:
            return x if func == "sin" else 1.0
    return None


def evaluate(func, x, prec):
    mp.prec = prec
    a = mpf(x)  # exact
    if func == "exp":
        return mpmath.exp(a)
    if func == "log":
        return mpmath.log(a)
    if func == "sin":
        return mpmath.sin(a)
    return mpmath.cos(a)


def reference(func, x):
    """(correctly rounded result, midpoint distance in ulps, precision used)."""
    s = special(func, x)
    if s is not None:
        return s, 0.5, 0
    for prec in (320, 1200):
        v = evaluate(func, x, prec)
        d, dist = to_double(v)
        # accept when the value's uncertainty (a few units of 2^-prec, relative) cannot reach a midpoint
        if dist > 2.0 ** (-(prec - 20) + 54):
            return d, dist, prec
    raise RuntimeError(f"{func}({x!r}) undecided at 1200 bits")


def _ref_chunk(job):
    func, lines = job
    out = []
    for line in lines:
        x = from_bits(int(line, 16))
        d, _, _ = reference(func, x)
        out.append(hexbits(d))
    return out


# ---------------------------------------------------------------------------------------------------- arguments


def random_double_bits(rng):
    """Uniform over all finite doubles' bit patterns (both signs): subnormals, huge and tiny values alike."""
    while True:
        b = rng.getrandbits(64)
        x = from_bits(b)
        if math.isfinite(x):
            return x


def log_uniform(rng, lo_exp, hi_exp, sign=True):
    x = math.ldexp(1.0 + rng.random(), rng.randint(lo_exp, hi_exp - 1))
    return -x if sign and rng.random() < 0.5 else x


def core_exp_args(rng):
    # Jaxley decay exp(min(-dt/tau, 50)), ziggurat tables and wedges exp(-x^2/2) with x <= 3.443.., general ranges
    c = rng.random()
    if c < 0.2:
        return -rng.uniform(0.0, 0.5 * 3.442619855899 ** 2)
    if c < 0.35:
        return -rng.uniform(0.0, 50.0) * rng.choice((1.0, 0.01, 1e-4))
    if c < 0.6:
        return rng.uniform(-745.2, 709.8)
    if c < 0.75:
        return log_uniform(rng, -60, 10)
    return random_double_bits(rng)


def core_log_args(rng):
    c = rng.random()
    if c < 0.25:  # 1 - U, U a multiple of 2^-53 in [0, 1): the ziggurat tail and Box-Muller
        return 1.0 - rng.getrandbits(53) * 2.0 ** -53
    if c < 0.35:  # the ziggurat table recurrence's arguments V/x + f are in (0, 1]
        return rng.uniform(1e-3, 1.0)
    if c < 0.5:
        return 1.0 + rng.uniform(-1.0, 1.0) * 2.0 ** rng.randint(-52, -1)
    if c < 0.7:
        return abs(log_uniform(rng, -1074, 1024))
    return abs(random_double_bits(rng))


def core_trig_args(rng):
    c = rng.random()
    if c < 0.2:  # Box-Muller's 2*pi*U2
        return 2.0 * math.pi * (rng.getrandbits(53) * 2.0 ** -53)
    if c < 0.35:  # the FFT's twiddles angle*k, angle = -2*pi/len
        n = 1 << rng.randint(1, 24)
        return (-2.0 * math.pi / n) * rng.randrange(n // 2 if n > 1 else 1)
    if c < 0.5:
        return rng.uniform(-10.0, 10.0)
    if c < 0.7:
        return log_uniform(rng, -30, 31)
    return random_double_bits(rng)


GENERATORS = {"exp": core_exp_args, "log": core_log_args, "sin": core_trig_args, "cos": core_trig_args}


def nearby(x, k):
    """x and its k neighbours on either side (as doubles)."""
    out = [x]
    up = down = x
    for _ in range(k):
        up = math.nextafter(up, math.inf)
        down = math.nextafter(down, -math.inf)
        out += [up, down]
    return out


def hard_cases(func):
    """Special values, domain boundaries, and arguments whose exact results lie very close to a rounding midpoint."""
    cases = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 2.2250738585072014e-308,
             2.2250738585072009e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1.0, -1.0, 0.5, 2.0]
    if func == "exp":
        # overflow threshold, the subnormal and zero thresholds, the fast path's edges and 2^-54
        for x in (709.782712893384, 709.7827128933841, 710.0, -708.3964185322641, -745.1332191019411,
                  -745.1332191019412, -746.0, -726.0, 2.0 ** -54, -(2.0 ** -54), 2.0 ** -53, -(2.0 ** -53)):
            cases += nearby(x, 3)
        # results near powers of two: x near k*ln 2 (the error interval may straddle a binade)
        for k in range(-1074, 1024, 7):
            cases += nearby(float(mpf(k) * mpmath.log(2)), 1)
        # 1 + x on a midpoint: exp((2j+1)*2^-53) = 1 + (2j+1)*2^-53 + x^2/2 + ..., (2j+1)^2 2^-55 ulp past it
        for j in range(0, 400):
            cases += [(2 * j + 1) * 2.0 ** -53, -(2 * j + 1) * 2.0 ** -54]
        for e in range(-53, -20):
            cases += nearby(2.0 ** e, 2) + nearby(-(2.0 ** e), 2)
    elif func == "log":
        for k in range(1, 600):
            cases += [1.0 + k * 2.0 ** -52, 1.0 - k * 2.0 ** -53]
        for e in range(-1074, 1024, 3):
            cases += nearby(2.0 ** e, 1)
        # results near e^k and near 1 (the binade edges of ln's result)
        for k in range(-744, 710, 3):
            cases += nearby(float(mpmath.exp(k)), 1)
        cases += nearby(math.e, 3) + nearby(1.0 / math.e, 3) + nearby(724.0 / 512.0, 3) + nearby(362.0 / 512.0, 3)
    else:
        # the double closest to a multiple of pi/2 (the hardest argument reduction of binary64, x mod pi/2 ~ 2^-61)
        cases += nearby(6381956970095103.0 * 2.0 ** 797, 2)
        # doubles nearest to k*pi/2 (tiny sines or cosines)
        for k in list(range(1, 2000)) + [10 ** 6, 10 ** 9, 2 ** 40, 2 ** 60, 2 ** 100]:
            cases += nearby(float(mpf(k) * mpmath.pi / 2), 1)
        # the fast path's and the shortcuts' edges
        for x in (2.0 ** -26, 2.0 ** -27, 2.0 ** 30, math.pi / 4, 0.78125, 102 / 128):
            cases += nearby(x, 3) + nearby(-x, 1)
        for e in range(-1074, 1024, 5):
            cases += nearby(2.0 ** e, 1)
    return cases


WORST_CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "worst-cases")


def worst_cases(func):
    """The published worst cases of correct rounding (CORE-MATH's lists, worst-cases/README.md), if present."""
    path = os.path.join(WORST_CASES, f"{func}.wc")
    if not os.path.exists(path):
        return []
    out = []
    for line in open(path):
        line = line.split("#", 1)[0].strip()
        if line:
            x = float.fromhex(line.split()[0])
            out += [x, -x] if func in ("sin", "cos") else [x]
    return out


def scan_hard(func, rng, candidates, keep):
    """The `keep` arguments among `candidates` whose results lie closest to a rounding midpoint."""
    scored = []
    for x in candidates:
        if special(func, x) is not None:
            continue
        _, dist, _ = reference(func, x)
        scored.append((dist, x))
    scored.sort()
    return scored[:keep]


def scan_candidates(func, rng, n):
    """Structured candidates where midpoint-close results are frequent: small arguments (exp, sin, cos) and
    arguments near 1 (log), where the Taylor series makes the bits after the 53rd nearly periodic."""
    out = []
    for _ in range(n):
        if func == "log":
            out.append(1.0 + rng.choice((-1, 1)) * rng.randrange(1, 1 << 30) * 2.0 ** rng.randint(-60, -40))
        else:
            e = rng.randint(-30, -8)
            out.append(rng.choice((-1, 1)) * math.ldexp(1.0 + rng.randrange(1 << 20) * 2.0 ** -52, e))
    return out


def main():
    cmd = sys.argv[1]
    outdir = sys.argv[2]
    opts = dict(zip(sys.argv[3::2], sys.argv[4::2]))
    os.makedirs(outdir, exist_ok=True)
    if cmd == "generate":
        count = int(opts.get("--count", "1000000"))
        seed = int(opts.get("--seed", "15"))
        for func in FUNCS:
            rng = random.Random(f"{seed}-{func}")
            args = [GENERATORS[func](rng) for _ in range(count)]
            args += hard_cases(func) + worst_cases(func)
            with open(os.path.join(outdir, f"{func}.args"), "w") as f:
                f.write("\n".join(hexbits(x) for x in args) + "\n")
            print(f"{func}: {len(args)} arguments ({count} random, {len(args) - count} hard, worst and special)")
    elif cmd == "reference":
        jobs = int(opts.get("--jobs", "2"))
        funcs = opts.get("--funcs", ",".join(FUNCS)).split(",")
        for func in funcs:
            lines = open(os.path.join(outdir, f"{func}.args")).read().split()
            chunk = 20000
            work = [(func, lines[i:i + chunk]) for i in range(0, len(lines), chunk)]
            with Pool(jobs) as pool:
                results = pool.map(_ref_chunk, work)
            with open(os.path.join(outdir, f"{func}.ref"), "w") as f:
                f.write("\n".join(r for part in results for r in part) + "\n")
            print(f"{func}: {len(lines)} references", flush=True)
    elif cmd == "compare":
        func, results = sys.argv[3], sys.argv[4]
        args = open(os.path.join(outdir, f"{func}.args")).read().split()
        ref = open(os.path.join(outdir, f"{func}.ref")).read().split()
        got = open(results).read().split()
        assert len(args) == len(ref) == len(got), (len(args), len(ref), len(got))
        diffs = 0
        worst = 0
        examples = []
        for a, r, g in zip(args, ref, got):
            if r == g:
                continue
            rx, gx = from_bits(int(r, 16)), from_bits(int(g, 16))
            if math.isnan(rx) and math.isnan(gx):
                continue  # any NaN is a NaN (payloads are not part of the contract)
            diffs += 1
            ulps = abs(int(r, 16) - int(g, 16)) if (int(r, 16) >> 63) == (int(g, 16) >> 63) else 1 << 63
            worst = max(worst, ulps)
            if len(examples) < 10:
                examples.append(f"  {func}({a}) = {r} reference, {g} got")
        print(f"{func}: {len(args)} arguments, {diffs} differ, largest difference {worst} ulp")
        for e in examples:
            print(e)
        sys.exit(1 if diffs else 0)
    elif cmd == "hard":
        count = int(opts.get("--scan", "20000"))
        keep = int(opts.get("--keep", "200"))
        for func in FUNCS:
            rng = random.Random(f"hard-{func}")
            fixed = hard_cases(func) + worst_cases(func)
            scanned = scan_hard(func, rng, scan_candidates(func, rng, count), keep)
            rows = []
            for x in fixed:
                d, dist, prec = reference(func, x)
                rows.append((hexbits(x), hexbits(d), dist, "family"))
            for dist, x in scanned:
                d, dist2, prec = reference(func, x)
                rows.append((hexbits(x), hexbits(d), dist2, "scan"))
            with open(os.path.join(outdir, f"{func}.hard"), "w") as f:
                f.write("# argument,result,distance of the exact value from the nearest midpoint (ulp),source\n")
                for a, d, dist, src in rows:
                    f.write(f"{a},{d},{dist:.3e},{src}\n")
            hardest = min(r[2] for r in rows)
            print(f"{func}: {len(rows)} hard cases, closest to a midpoint: {hardest:.3e} ulp")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
