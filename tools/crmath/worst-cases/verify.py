#!/usr/bin/python3
"""Independently verify CORE-MATH worst-case arguments for binary64 exp/log/sin/cos.

For each argument x (hex float), evaluate f(x) with mpmath at 400 bits and locate
the exact value between two consecutive binary64 numbers: f = fractional position
in ulps (0 <= f < 1) above the double just below |f(x)|, computed with exact
integer arithmetic on the mpf mantissa/exponent.  A worst case for correct
rounding (all rounding modes) has f within 2^-40 of 0, 1/2 or 1.

usage: verify.py [--quiet] [--write-passing OUT] FILE [FILE ...]
The function is taken from the file name (exp.wc, log.*, sin.*, cos.*).
"""
import math
import re
import os
import sys
from fractions import Fraction

import mpmath

mpmath.mp.prec = 400
THRESH = Fraction(1, 2 ** 40)
# normalised binary64 hex float: at most 13 hex digits after the point
TOKEN = re.compile(r"^-?0x1(\.[0-9a-f]{1,13})?p[+-]?[0-9]+$")
FUNCS = {"exp": mpmath.exp, "log": mpmath.log, "sin": mpmath.sin, "cos": mpmath.cos}


def parse(path):
    """Yield (lineno, token) for every argument line (first column, comments dropped)."""
    with open(path) as fh:
        for no, line in enumerate(fh, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            yield no, line.split()[0]


def position(y, unbounded=False):
    """Return (fraction f in ulps as Fraction, exact flag) for the mpf value y != 0.

    Default: the real binary64 grid (ulp 2**(e-52) for normal results, 2**-1074
    in the subnormal range).  unbounded=True: a 53-bit significand with no
    exponent limit (ulp 2**(e-52) always); only used to explain failures.
    """
    y = abs(y)
    man, exp = y.man_exp          # y = man * 2**exp exactly, man odd
    e = exp + man.bit_length() - 1  # y in [2**e, 2**(e+1))
    ulp_exp = e - 52 if unbounded else max(e - 52, -1074)
    s = exp - ulp_exp
    if s >= 0:                    # y is an exact multiple of the ulp
        return Fraction(0), True
    sh = -s
    rem = man & ((1 << sh) - 1)
    return Fraction(rem, 1 << sh), False


def check(func, x):
    y = FUNCS[func](mpmath.mpf(x))  # mpf(x) is exact for a binary64 x
    if y == 0:
        return None, "result is zero"
    f, exact = position(y)
    d = min(f, abs(f - Fraction(1, 2)), 1 - f)
    return (f, d, exact), None


def log2_str(d):
    if d == 0:
        return "0 (exact)"
    return "2^%.2f" % (math.log2(d.numerator) - math.log2(d.denominator))


def main(argv):
    quiet = False
    out = None
    files = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--quiet":
            quiet = True
        elif a == "--write-passing":
            i += 1
            out = argv[i]
        else:
            files.append(a)
        i += 1
    allok = True
    for path in files:
        func = os.path.basename(path).split(".")[0]
        if func not in FUNCS:
            sys.exit("cannot tell the function from %r" % path)
        n = npass = 0
        fails = []
        passing = []
        best = None
        worst_pass = None
        seen = set()
        dups = 0
        for no, tok in parse(path):
            n += 1
            try:
                x = float.fromhex(tok)
            except ValueError as exc:
                fails.append((no, tok, "unparsable: %s" % exc))
                continue
            if not math.isfinite(x):
                fails.append((no, tok, "not finite"))
                continue
            if not TOKEN.match(tok):
                fails.append((no, tok, "malformed hex float (digit count / form)"))
                continue
            res, err = check(func, x)
            if err:
                fails.append((no, tok, err))
                continue
            f, d, exact = res
            if exact:
                fails.append((no, tok, "exact result (not a hard case)"))
                continue
            if d <= THRESH:
                npass += 1
                passing.append(tok)
                if x in seen:
                    dups += 1
                seen.add(x)
                if best is None or d < best[0]:
                    best = (d, tok)
                if worst_pass is None or d > worst_pass[0]:
                    worst_pass = (d, tok)
            else:
                why = "f=%.6g, distance %s > 2^-40" % (float(f), log2_str(d))
                y = FUNCS[func](mpmath.mpf(x))
                if abs(y) < mpmath.mpf(2) ** -1022:
                    fu, _ = position(y, unbounded=True)
                    du = min(fu, abs(fu - Fraction(1, 2)), 1 - fu)
                    why += ("; result is subnormal (|f(x)| < 2^-1022); with a 53-bit"
                            " significand and unbounded exponent the distance would be %s"
                            % log2_str(du))
                fails.append((no, tok, why))
        print("%s: %d arguments, %d pass, %d fail, %d duplicate values" % (path, n, npass, len(fails), dups))
        if best:
            print("  closest to a boundary: %s at %s" % (log2_str(best[0]), best[1]))
            print("  farthest passing     : %s at %s" % (log2_str(worst_pass[0]), worst_pass[1]))
        for no, tok, why in fails[: (None if not quiet else 20)]:
            print("  FAIL line %d: %s: %s" % (no, tok, why))
        if fails:
            allok = False
        if out:
            with open(out, "w") as fh:
                fh.write("\n".join(passing) + ("\n" if passing else ""))
    return 0 if allok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
