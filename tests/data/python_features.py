count = 0
def bump():
    global count
    count += 1
    return count
bump(); bump()
print(count)
def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    inc(); inc()
    return n, inc
total, f = outer()
print(total, f(), f())
def broken():
    print(x_local)
    x_local = 1
try:
    broken()
except UnboundLocalError as e:
    print('UnboundLocalError', e)
except NameError:
    print('wrong')
class Base:
    kind = 'base'
    def __init__(self, v):
        self.v = v
    def describe(self):
        return f'{self.kind}:{self.v}'
    def __repr__(self):
        return f'{type(self).__name__}({self.v!r})'
class Child(Base):
    kind = 'child'
    def twice(self):
        return self.describe() * 2
c = Child('a')
print(c.describe(), c.twice(), isinstance(c, Base), [c, Base(2)])
print(1 < 2 < 3, 1 < 3 < 2, 0 == 0.0 == False, 'ab' < 'b', (1, 2) < (1, 3), [1, 2] == [1, 2.0])
print(-7 // 2, -7 % 2, 7 % -2, -7.5 // 2, -7.5 % 2, 2 ** 10, 2 ** 0.5, 10 / 4, divmod(-7, 2))
print(round(2.5), round(3.5), round(2.675, 2), round(-0.5), int(-3.9), float('1e3'), abs(-2))
print(sorted([3, 1, 2], reverse=True), sorted(['b', 'A', 'a'], key=str.lower) if False else sorted(['b', 'A', 'a']))
print(list(zip([1, 2, 3], 'ab')), list(enumerate('xy', 1)), list(map(lambda v: v * v, range(4))))
print(any([]), all([]), sum([0.1] * 10), max([3, 7, 2], key=lambda v: -v), min(4, 2, 8))
s = 'Hello, 세계'
print(len(s), s[::-1], s.upper(), s.split(', '), '-'.join(['a', 'b']), s.find('세'), s[7:])
print(f'{3.14159:.2f} {42:5d}|{"x":^5}|{1234567:,} {0.25:%} {1e-7:.2e} {255:#x}')
print('%s has %d items (%.1f%%)' % ('cart', 3, 12.5))
d = {}
d.setdefault('k', []).append(1)
print(d, d.get('z', 'none'), {k: v for k, v in [('a', 1), ('b', 2)]}, [i for i in range(10) if i % 3 == 0])
a, (b, c2) = 1, (2, 3)
print(a, b, c2, (1,), (), [[]], {'t': (1, 2)})
x = [1, 2, 3, 4, 5]
x[1:3] = [9]
del x[0]
print(x, x.pop(), x, x.index(4), 3 in x, 9 not in x)
for i in range(3):
    if i == 5:
        break
else:
    print('no break')
n = 0
while n < 3:
    n += 1
else:
    print('while done', n)
try:
    {}['missing']
except KeyError as e:
    print('KeyError', e)
finally:
    print('finally')
try:
    raise ValueError('bad value')
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
print(int('42'), str(1.0), repr('it\'s'), bool(''), None is None, [] is [])
words = ['b', 'A', 'c']
print(sorted(words, key=str.lower), list(map(str.upper, words)), list(map(int, ['1', '2'])))
x = 3
print(f'{x=}', f'{x + 1 = }', end=' |\n')
print(*words, sep=', ')
print(*[1, 2], **{'sep': '-'})
print(isinstance(3, (int, float)), isinstance(True, int), type(3) is int, type('a') == str)
class P:
    def __init__(self, **kw):
        self.__dict__.update(kw) if False else None
        self.kw = kw
    def __len__(self):
        return len(self.kw)
    def __getitem__(self, k):
        return self.kw[k]
p = P(a=1, b=2)
print(len(p), p['a'], bool(p), hasattr(p, 'kw'), getattr(p, 'zz', 'dflt'))
def f(a, *args, b=2, **kw):
    return a, args, b, kw
print(f(1), f(1, 2, 3, b=4, c=5))
g = lambda *a: sum(a)
print(g(1, 2, 3), (lambda: 7)())
