pairs = [(1, "cherry"), (2, "lemon")]
pairs.append((3, "grape"))
for n, w in pairs:
    print(n, w)
print(pairs[-1][1], pairs)

scores = {'fay': 14, "cy": 21}
scores["eve"] = 55
scores["fay"] = 53
print(scores)
print(len(scores), 'cy' in scores, "ann" in scores)
print(scores['eve'])
for name, v in scores.items():
    print(name, v)

history = {'loss': [], 'acc': []}
for step in range(4):
    history['loss'].append(1.0 / (step + 1))
    history['acc'].append(step * 0.25)
print(history)
print(len(history['loss']), history['acc'][-1])
