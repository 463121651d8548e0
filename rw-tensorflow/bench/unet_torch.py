#!/usr/bin/python3
"""PyTorch twin of RegionWise's TensorFlow U-Net (ModelSpec.UNet, 2D or --dims 3, instance norm, transposed-convolution
upsampling, no deep supervision; in 3D the same layers with 3x3x3 / 2x2x2 kernels): stage 0 two 3x3 convs, stages 1..depth a stride-2 3x3 conv then a 3x3 conv, each
conv (no bias) + InstanceNorm2d(affine, eps 1e-5) + LeakyReLU(0.01); decoder: ConvTranspose2d(2, stride 2, bias),
concat [skip, up], two conv blocks; 1x1 head with bias. Times one training step (forward, CE, backward, gradient
clipping at norm 12, Adam lr 1e-4, L2 weight decay 3e-5) on a fixed random batch. Prints params= and median_ms=."""
import argparse, time, statistics
import torch
import torch.nn as nn
import torch.nn.functional as F


NORM = "instance"
DIMS = 2


def conv(*a, **k):
    return (nn.Conv3d if DIMS == 3 else nn.Conv2d)(*a, **k)


def block(cin, cout, stride):
    if NORM == "none":
        return nn.Sequential(conv(cin, cout, 3, stride=stride, padding=1, bias=True), nn.LeakyReLU(0.01))
    if NORM == "instance":
        norm = (nn.InstanceNorm3d if DIMS == 3 else nn.InstanceNorm2d)(cout, eps=1e-5, affine=True)
    else:
        norm = (nn.BatchNorm3d if DIMS == 3 else nn.BatchNorm2d)(cout, eps=1e-5)
    return nn.Sequential(conv(cin, cout, 3, stride=stride, padding=1, bias=False), norm, nn.LeakyReLU(0.01))


class UNet(nn.Module):
    def __init__(self, cin, classes, depth, base, maxf=480):
        super().__init__()
        f = [min(base * 2 ** s, maxf) for s in range(depth + 1)]
        self.enc = nn.ModuleList()
        c = cin
        for s in range(depth + 1):
            self.enc.append(nn.Sequential(block(c, f[s], 1 if s == 0 else 2), block(f[s], f[s], 1)))
            c = f[s]
        self.up = nn.ModuleList()
        self.dec = nn.ModuleList()
        for s in range(depth - 1, -1, -1):
            self.up.append((nn.ConvTranspose3d if DIMS == 3 else nn.ConvTranspose2d)(c, f[s], 2, stride=2, bias=True))
            self.dec.append(nn.Sequential(block(2 * f[s], f[s], 1), block(f[s], f[s], 1)))
            c = f[s]
        self.head = conv(c, classes, 1, bias=True)
        for m in self.modules():
            if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Conv3d, nn.ConvTranspose3d)):
                nn.init.kaiming_normal_(m.weight, a=1e-2)

    def forward(self, x):
        skips = []
        for i, e in enumerate(self.enc):
            x = e(x)
            if i < len(self.enc) - 1:
                skips.append(x)
        for up, dec in zip(self.up, self.dec):
            skip = skips.pop()
            x = dec(torch.cat([skip, up(x)], 1))
        return self.head(x)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=128)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--base", type=int, default=16)
    p.add_argument("--depth", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--norm", default="instance", choices=["instance", "none", "batch"])
    p.add_argument("--dims", type=int, default=2, choices=[2, 3])
    p.add_argument("--precision", default="fp32", choices=["fp32", "bf16"],
                   help="bf16: the forward pass under torch.autocast('cpu', dtype=torch.bfloat16), as AMP trains")
    a = p.parse_args()
    global NORM, DIMS
    NORM = a.norm
    DIMS = a.dims
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    net = UNet(1, 3, a.depth, a.base)
    opt = torch.optim.Adam(net.parameters(), lr=1e-4, weight_decay=3e-5)
    spatial = (a.size,) * a.dims
    x = torch.randn(a.batch, 1, *spatial)
    y = torch.randint(0, 3, (a.batch, *spatial))
    times = []
    for i in range(a.warmup + a.steps):
        t0 = time.perf_counter()
        opt.zero_grad()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=a.precision == "bf16"):
            logits = net(x)
        loss = F.cross_entropy(logits.float(), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 12)
        opt.step()
        if i >= a.warmup:
            times.append((time.perf_counter() - t0) * 1000)
    print("params=%d" % sum(q.numel() for q in net.parameters()))
    print("median_ms=%.2f" % statistics.median(times))
    print("all_ms=%s" % [round(t) for t in times])
    print("torch=%s" % torch.__version__)


if __name__ == "__main__":
    main()
