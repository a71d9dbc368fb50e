big = 53027235
n = 620
m = 30
print(f"{n:08d}")
print(f"{big:,} bytes")
print(f"{big * 1000:,}")
print(f"{-big:,}")

rows = [('apple', 119, 6.42), ("plum", 104, 5.92), ('kiwi', 81, 8.8)]
total = 0
for name, count, cost in rows:
    print(f"{name:<8}{count:4d}{cost:8.2f}")
    total = total + count * cost
print(f"total {total:>10.2f}")
