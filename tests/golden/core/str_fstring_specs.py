# Tests f-string format specs: width/align/fill, zero pad, precision, grouping, bases, sign, percent.
x = 42
f = 3.14159
s = "ab"
print(f"[{x:5}] [{x:<5}] [{x:>5}] [{x:^5}] [{x:05}] [{x:*^7}] [{x:+d}] [{-x:+d}] [{x: d}]")
print(f"[{s:5}] [{s:<8}] [{s:>8}] [{s:^8}] [{s:-^9}] [{s:.1}]")
print(f"[{f:08.3f}] [{f:.2f}] [{f:10.4f}] [{-f:.1f}] [{f:.0f}] [{f:<9.2f}]")
print(f"[{1234567:,}] [{1234567.891:,.2f}] [{-1000:,}] [{999:,}] [{1234567:_}]")
print(f"[{255:x}] [{255:X}] [{255:#x}] [{5:b}] [{5:08b}] [{64:o}] [{255:#010x}]")
print(f"[{12345.678:e}] [{0.00012:.2e}] [{f:E}]")
print(f"[{0.125:%}] [{0.125:.1%}] [{2:.0%}]")
print(f"[{True:d}] [{True}] [{True:>6}] [{None!s:>6}]")
print(f"[{-5:05d}] [{5:=+5d}] [{-3.5:010.2f}]")
for width in (3, 6, 9):
    print(f"[{x:{width}}] [{s:^{width}}] [{f:{width}.{width - 2}f}]")
