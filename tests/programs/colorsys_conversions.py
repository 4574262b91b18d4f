# colorsys: every conversion on a grid of colors, round trips, and edges.
import colorsys

steps = [0.0, 0.1, 0.25, 1 / 3, 0.5, 2 / 3, 0.9, 1.0]
for r in steps[::2]:
    for g in steps[1::3]:
        for b in steps[::3]:
            print(r, g, b)
            print("  yiq", colorsys.rgb_to_yiq(r, g, b), colorsys.yiq_to_rgb(*colorsys.rgb_to_yiq(r, g, b)))
            print("  hls", colorsys.rgb_to_hls(r, g, b), colorsys.hls_to_rgb(*colorsys.rgb_to_hls(r, g, b)))
            print("  hsv", colorsys.rgb_to_hsv(r, g, b), colorsys.hsv_to_rgb(*colorsys.rgb_to_hsv(r, g, b)))
for h in [0.0, 1 / 6, 0.2, 0.5, 0.75, 0.99, 1.0, 1.5, -0.25]:
    print(h, colorsys.hsv_to_rgb(h, 0.8, 0.6), colorsys.hls_to_rgb(h, 0.3, 0.7), colorsys.hls_to_rgb(h, 0.7, 0.4))
print(colorsys.yiq_to_rgb(1.5, 2.0, -3.0), colorsys.yiq_to_rgb(-1.0, 0.0, 0.0))
print(colorsys.rgb_to_hls(1, 1, 1), colorsys.rgb_to_hsv(0, 0, 0), colorsys.hsv_to_rgb(0.3, 0.0, 0.4))
try:
    colorsys.rgb_to_hsv(0.0, -0.0, 0.0)
    colorsys.rgb_to_hls(1.0, 1.0, 0.0)
    colorsys.rgb_to_hsv(-1.0, 0.0, -0.5)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(colorsys.ONE_THIRD, colorsys.ONE_SIXTH, colorsys.TWO_THIRD, colorsys.__all__)
