# (h4) a dict with string keys: 100,000 keys 'key0' ... 'key99999' built with str() and +,
# then every key looked up again.
table = {}
for i in range(100000):
    table['key' + str(i)] = i
total = 0
for i in range(100000):
    total += table['key' + str(i)]
print(len(table), total)
