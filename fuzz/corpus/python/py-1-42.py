import numpy as np

print(np.ones((2, 2, 2)))
print(np.arange(34))
print(np.linspace(0, 1, 11))
print(np.arange(25) * 1.5)

a = np.array([-2, 0, 5, 6])
f = np.array([-2.3, -1.9, 0.8, 3.7])
s = np.sum(a)
print(s)
print({'total': s})
print(s * 2, s / 4)
print((np.argmax(f), f.mean()))
print(float(np.mean(f)), int(np.max(a)))
print([np.sum(f)])
