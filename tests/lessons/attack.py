#!/usr/bin/env python3
"""Every goal step of the shipped lessons attacked as a student without
the step's idea would: each setting the step's lock leaves free is swept
(α over a log grid and the +/- doublings, every optimiser, clipping,
hypergradients, h, λ, ...; two free settings as their full product), each
combination played by `descent lint --play` as a `check:` of the step
with the step's goal as its outcome. Every combination that meets a goal
must be one of the step's idea (IDEA below): a new shortcut fails here.
Changes during a run (α timed by hand) are not tried; goals guard those
with parts at update 1 (docs/lessons.md).

usage: attack.py DESCENT SOURCE_ROOT [STEP-FILTER...]
"""
import itertools, math, os, re, subprocess, sys, tempfile

DESCENT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else 'descent'
ROOT = sys.argv[2] if len(sys.argv) > 2 else '.'
TMP = tempfile.mkdtemp(prefix='descent-attack-')

# What meets each goal with the idea: every settings combination that
# meets it must match (re.search on "name: value, name: value").
IDEA = {
    '01:one-step': r'^lr: ',           # α = 0.6, computed
    '02:wrong-gradient': r'^grad: (analytic|ad)$',  # h stays 0.5
    '03:bottom': r'^h: ',
    '03:float32': r'^h: ',
    '03:unstall': r'^h: ',
    '04:too-small': r'^lr: ',
    '04:window': r'^lr: ',
    '05:booth-limit': r'^lr: ',
    '05:ill-limit': r'^lr: ',
    '05:fastest': r'^lr: 0\.01[5-9]',  # just below 2/λ_max
    '06:tuned': r'^lr: 0\.03[1-4].*, momentum: 0\.[678]',  # α pinned
    '06:nesterov': r'^optimizer: nesterov$',
    '07:stiff': r'^optimizer: (adagrad|rmsprop|adam|adamw|nadam|adamax|'
                r'adadelta), ',
    '07:forgetting': r'^optimizer: (rmsprop|adam|adamw|nadam|adamax|'
                     r'adadelta)$',
    '08:clip': r'^clip: (norm|value):',
    '08:with-adam': r'^clip: (norm|value):',
    '09:floor': r'^lr: ',
    '10:hd': r'^hypergrad: (add|mult), ',
    '11:adam-hd': r'^hd-beta: ',
    '11:clamp': r'^lr-max: ',
    '11:mult': r'^hypergrad: mult, ',
    '12:scale': r'^scale: standard, ',
    '13:adam': r'^optimizer: adam, ',
    '14:tune': r'^lambda: ',
    '15:fix': r'^view: hpo --over lr --range [0-9e.:-]+$',
    '16:himmelblau': r'^lr: ',
    '16:camel': r'^optimizer: (momentum|nesterov), ',
}

ALL = ('objective start optimizer lr momentum dampening beta1 beta2 rho eps '
       'weight-decay grad h precision clip hypergrad hd-beta lr-min lr-max '
       'schedule steps tol seed view model data target features split batch '
       'hidden scale init max-rows lambda').split()

OPTS = ('sgd momentum nesterov adagrad rmsprop adam adamw nadam adamax '
        'adadelta newton bfgs cg-fr cg-pr steepest nelder-mead').split()


def geo(lo, hi, per):
    n = int(round(math.log10(hi / lo) * per))
    return ['%.4g' % (lo * 10 ** (i / per)) for i in range(n + 1)]


VALUES = {
    'optimizer': OPTS,
    'lr': geo(1e-5, 30, 8),
    'momentum': ['0', '0.3', '0.5', '0.6', '0.67', '0.7', '0.8', '0.85',
                 '0.9', '0.95', '0.99'],
    'dampening': ['0.5', '0.9'],
    'beta1': ['0', '0.5', '0.99'],
    'beta2': ['0.5', '0.9', '0.99'],
    'rho': ['0.5', '0.9'],
    'eps': ['1e-3', '1', '100'],
    'weight-decay': ['0.01', '0.1', '1'],
    'grad': ['analytic', 'ad', 'central', 'forward', 'central:1e-3',
             'central:1e-5', 'forward:1e-8', 'forward:1e-4', 'central:0.01'],
    'h': geo(1e-12, 1, 4),
    'precision': ['double', 'single'],
    'clip': ['none'] + ['%s:%s' % (k, c) for k in ('norm', 'value')
                        for c in ('0.1', '0.3', '1', '3', '10', '100')],
    'hypergrad': ['off', 'add', 'mult'],
    'hd-beta': geo(1e-9, 1, 2),
    'lr-min': ['1e-4', '1e-3', '0.01', '0.05'],
    'lr-max': geo(1e-4, 1, 8),
    'schedule': ['step:50:0.5', 'exp:0.99', 'exp:0.95', 'cosine:100',
                 'warmup:10', 'cosine:300:0.001'],
    'tol': ['1e-2', '1e-4'],
    'seed': ['1', '2', '3', '7'],
    'lambda': geo(1e-3, 1e4, 4),
    'scale': ['standard', 'none'],
    'batch': ['1', '2', '4', '8', '32', '100'],
    'split': ['0.5', '0.9', '1'],
    'hidden': ['4', '16', '128'],
    'steps': ['1', '10', '100000'],
    'start': ['0, 0', '1, 1', '0.1, 0.1', '3, 0.5', '-1, 1', '1e-3, 1e-3'],
    'objective': ['quadratic', 'x^2 + y^2', 'ill', 'booth', 'x + y'],
    # each view replays the four searches (MLP trainings): a few only
    'view': ['hpo --over lr --range 1e-3:1e3 --' + f for f in
             ('budget 10', 'grid 201', 'steps 99', 'optimizer momentum')] +
            ['hpo --over lr --range 1e%d:1e%d' % r for r in
             ((-5, -1), (-4, 0), (-4, 2), (-3, 2), (-2, 2), (-6, 4))],
}


def free_of(lock):
    lock = (lock or '').strip()
    if not lock:
        return list(ALL)
    if lock == 'all':
        return []
    if lock.startswith('all except'):
        return [n.strip() for n in re.split(r'[ ,]+', lock[10:]) if n.strip()]
    locked = {n.strip() for n in re.split(r'[ ,]+', lock) if n.strip()}
    return [n for n in ALL if n not in locked]


def combos(free, base_lr=None):
    """Settings combinations to try: the full product of up to two free
    settings, else each alone and pairs of optimizer, lr, momentum, clip
    and hypergrad."""
    free = [f for f in free if f in VALUES]
    vals = {f: VALUES[f] for f in free}
    if 'lr' in vals and base_lr:
        vals['lr'] = sorted(set(vals['lr']) | {'%.6g' % (base_lr * 2 ** k)
                                                for k in range(-10, 11)},
                            key=float)
    out = []
    if len(free) <= 2:
        for prod in itertools.product(*[vals[f] for f in free]):
            out.append(list(zip(free, prod)))
        return out
    for f in free:
        for v in vals[f]:
            out.append([(f, v)])
    pair = [f for f in ('optimizer', 'lr', 'momentum', 'clip', 'hypergrad')
            if f in vals]
    for a, b in itertools.combinations(pair, 2):
        va = vals[a][::2] if a == 'lr' else vals[a]
        vb = vals[b][::2] if b == 'lr' else vals[b]
        for x, y in itertools.product(va, vb):
            out.append([(a, x), (b, y)])
    return out


def steps_of(lesson):
    """(step id, block start line index, block end, fields) per step."""
    lines = open(lesson).read().split('\n')
    starts = [i for i, l in enumerate(lines) if l.startswith('@step ')]
    out = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(lines)
        f = {}
        for l in lines[s:e]:
            m = re.match(r'([a-z][a-z0-9-]*): ?(.*)', l)
            if m and m.group(1) == 'solution':
                f.setdefault('solutions', []).append(m.group(2))
            if m and m.group(1) not in f:
                f[m.group(1)] = m.group(2)
        out.append((lines[s][6:].strip(), s, e, f))
    return lines, out


def run_checks(lesson, step, checks, budget=4_000_000):
    """Plays CHECKS ('settings | outcome') as the step's only checks, in
    a copy of the lesson cut after the step; returns {check: True when it
    holds, False when not, or the lint problem that refused it}."""
    lines, steps = steps_of(lesson)
    idx = [i for i, s in enumerate(steps) if s[0] == step][0]
    sid, s, e, f = steps[idx]
    head = lines[:steps[0][1]]
    body = []
    for k, (_, bs, be, _) in enumerate(steps[:idx + 1]):
        skipping = False  # a check, or a recap and its continuation
        for l in lines[bs:be]:
            if (l.startswith(' ') or not l) and skipping:
                continue
            skipping = l.startswith('check:') or l.startswith('recap:')
            if not skipping:
                body.append(l)
    results = {}
    pending = list(checks)
    per = max(1, budget // int(f.get('steps') or 1000))
    while pending:
        chunk, pending = pending[:min(per, 400)], pending[min(per, 400):]
        while chunk:
            text = head + body + ['check: ' + c for c in chunk] + ['']
            base = len(head) + len(body) + 1
            with tempfile.NamedTemporaryFile('w', suffix='.lesson',
                                             dir=TMP,
                                             delete=False) as t:
                t.write('\n'.join(text))
            p = subprocess.run([DESCENT, 'lint', '--play', t.name],
                               capture_output=True, text=True)
            os.unlink(t.name)
            bad = set()
            got = {}
            for l in p.stdout.splitlines():
                m = re.match(r'[^:]+:(\d+):(?:\d+:)? ?(.*)', l)
                if not m:
                    continue
                n = int(m.group(1)) - base
                if 0 <= n < len(chunk):
                    if p.returncode == 2:
                        bad.add(n)
                        results[chunk[n]] = 'invalid: ' + m.group(2)
                    else:
                        got[n] = m.group(2)
            if p.returncode == 2:
                if not bad:
                    sys.exit('lint problem outside the checks: ' + p.stdout)
                chunk = [c for i, c in enumerate(chunk) if i not in bad]
                continue
            for n, c in enumerate(chunk):
                r = got.get(n, 'missing')
                results[c] = r.endswith(': ok') or r == 'ok'
            chunk = []
    return results


def goal_steps():
    for lesson in sorted(os.listdir(os.path.join(ROOT, 'lessons'))):
        if not lesson.endswith('.lesson'):
            continue
        path = os.path.join(ROOT, 'lessons', lesson)
        _, steps = steps_of(path)
        inherited = {}
        for sid, s, e, f in steps:
            for k, v in f.items():
                if k in ALL:
                    inherited[k] = v
            if 'goal' in f:
                yield path, sid, f, dict(inherited)


def attack(path, sid, f, inh):
    free = free_of(f.get('lock'))
    lr = None
    try:
        lr = float(inh.get('lr', '0.001'))
    except ValueError:
        pass
    cs = combos(free, lr)
    checks = [', '.join('%s: %s' % kv for kv in c) + ' | ' + f['goal']
              for c in cs]
    sol = ', '.join(f.get('solutions', [])) + ' | ' + f['goal']
    checks.append(sol)
    res = run_checks(path, sid, checks)
    met_sol = res.get(sol) is True
    met = [c for c in checks if res.get(c) is True and c != sol]
    inval = [c for c in checks if isinstance(res.get(c), str)]
    inval = ['%s -> %s' % (c.split(' | ')[0], res[c]) for c in inval]
    return free, checks, met, inval, met_sol


def main():
    want = sys.argv[3:]
    fails = tried = steps = 0
    for path, sid, f, inh in goal_steps():
        name = os.path.basename(path)[:2] + ':' + sid
        if want and not any(w in name for w in want):
            continue
        steps += 1
        if name not in IDEA:
            print('FAIL %s: a goal step with no IDEA entry in %s' % (
                name, os.path.basename(__file__)))
            fails += 1
            continue
        free, checks, met, inval, met_sol = attack(path, sid, f, inh)
        tried += len(checks)
        if not met_sol:
            print('FAIL %s: the combination of its solutions misses the '
                  'goal' % name)
            fails += 1
        bad = [c.split(' | ')[0] for c in met
               if not re.search(IDEA[name], c.split(' | ')[0])]
        print('%s %s: free %s, %d tried, %d meet the goal%s' % (
            'FAIL' if bad else 'ok', name, ','.join(free) if len(free) < 8
            else '%d settings' % len(free), len(checks), len(met),
            ', %d without the idea:' % len(bad) if bad else ''))
        for c in bad:
            print('    ' + c)
        fails += bool(bad)
    os.rmdir(TMP)
    print('attack: %d goal steps, %d combinations, %s' % (
        steps, tried, '%d fail' % fails if fails else 'all need their idea'))
    return 1 if fails or not steps else 0


if __name__ == '__main__':
    sys.exit(main())
