//! Renders the debtor portraits: `assets/portraits/<persona-id>/<expression>.png` (256x256 RGBA).
//!
//! Run from the crate root: `cargo run --release --example portraits [-- --sheet /tmp/sheet.png]`.
//! Faces are drawn at 4x with signed-distance shapes (anti-aliased coverage per sample) and
//! downscaled with a Lanczos filter in premultiplied space. To add a persona, append a `Look`
//! to `personas()`; every `Expression` is rendered for it.

use image::imageops::{self, FilterType};
use image::{Rgba, Rgba32FImage, RgbaImage};
use std::ops::{Add, Mul, Sub};
use std::path::Path;

const SIZE: u32 = 256;
const SS: u32 = 4;

// ───────────────────────────── drawing ─────────────────────────────

#[derive(Clone, Copy, Debug)]
struct P {
    x: f32,
    y: f32,
}
const fn p(x: f32, y: f32) -> P {
    P { x, y }
}
impl Add for P {
    type Output = P;
    fn add(self, o: P) -> P {
        p(self.x + o.x, self.y + o.y)
    }
}
impl Sub for P {
    type Output = P;
    fn sub(self, o: P) -> P {
        p(self.x - o.x, self.y - o.y)
    }
}
impl Mul<f32> for P {
    type Output = P;
    fn mul(self, k: f32) -> P {
        p(self.x * k, self.y * k)
    }
}
impl P {
    fn dot(self, o: P) -> f32 {
        self.x * o.x + self.y * o.y
    }
    fn len(self) -> f32 {
        self.dot(self).sqrt()
    }
    fn rot(self, (s, c): (f32, f32)) -> P {
        p(self.x * c - self.y * s, self.x * s + self.y * c)
    }
}

/// An sRGB colour, components in 0..=1.
#[derive(Clone, Copy, Debug)]
struct C(f32, f32, f32);
const fn hex(v: u32) -> C {
    C(((v >> 16) & 255) as f32 / 255.0, ((v >> 8) & 255) as f32 / 255.0, (v & 255) as f32 / 255.0)
}
impl C {
    fn mix(self, o: C, t: f32) -> C {
        C(self.0 + (o.0 - self.0) * t, self.1 + (o.1 - self.1) * t, self.2 + (o.2 - self.2) * t)
    }
    fn dark(self, t: f32) -> C {
        self.mix(C(0.12, 0.06, 0.08), t)
    }
    fn light(self, t: f32) -> C {
        self.mix(C(1.0, 1.0, 1.0), t)
    }
}
const INK: C = hex(0x2a1f1d);
const WHITE: C = hex(0xfbfaf7);
const GOLD: C = hex(0xe2b85a);

/// A shape given by a signed distance function (negative inside), in 256-unit logical space.
#[derive(Clone, Debug)]
enum Shape {
    Ellipse(P, P, f32),
    RRect(P, P, f32),
    Poly(Vec<P>),
    /// Polyline with a radius per point.
    Stroke(Vec<(P, f32)>),
    /// Half-plane `(q - at)·n <= 0`; `n` is a unit normal pointing at the excluded side.
    Half(P, P),
    /// Union, smoothed over distance `k`.
    Union(Box<Shape>, Box<Shape>, f32),
    Inter(Box<Shape>, Box<Shape>),
    Minus(Box<Shape>, Box<Shape>),
    Ring(Box<Shape>, f32),
}
use Shape::*;

fn circle(c: P, r: f32) -> Shape {
    Ellipse(c, p(r, r), 0.0)
}
fn ellipse(c: P, rx: f32, ry: f32) -> Shape {
    Ellipse(c, p(rx, ry), 0.0)
}
fn rrect(c: P, hx: f32, hy: f32, r: f32) -> Shape {
    RRect(c, p(hx, hy), r)
}
fn half(at: P, n: P) -> Shape {
    Half(at, n * (1.0 / n.len()))
}
/// Everything below (`down`) or above the line `y`.
fn side_of(y: f32, down: bool) -> Shape {
    half(p(0.0, y), p(0.0, if down { -1.0 } else { 1.0 }))
}
/// Points `o + (s * x, y)` from a flat `[x0, y0, x1, y1, ..]` list (`s = -1` mirrors).
fn pts(o: P, s: f32, xy: &[f32]) -> Vec<P> {
    xy.chunks(2).map(|c| o + p(s * c[0], c[1])).collect()
}
/// The right half `xy` of an outline symmetric about `x = o.x` (top to bottom), then its mirror.
fn symmetric(o: P, xy: &[f32]) -> Vec<P> {
    let mut v = pts(o, 1.0, xy);
    v.extend(pts(o, -1.0, xy).into_iter().rev());
    v
}
fn poly(o: P, s: f32, xy: &[f32]) -> Shape {
    Poly(pts(o, s, xy))
}
fn quad(a: P, c: P, b: P) -> Vec<P> {
    let at = |t: f32| a * ((1.0 - t) * (1.0 - t)) + c * (2.0 * t * (1.0 - t)) + b * (t * t);
    (0..=20).map(|i| at(i as f32 / 20.0)).collect()
}
/// A thick polyline; radius runs from `r[0]` to `r[1]`, plus `r[2]` at the middle.
fn stroke(line: &[P], r: [f32; 3]) -> Shape {
    let n = (line.len() - 1).max(1) as f32;
    let rad = |t: f32| r[0] + (r[1] - r[0]) * t + r[2] * (t * std::f32::consts::PI).sin();
    Stroke(line.iter().enumerate().map(|(i, &q)| (q, rad(i as f32 / n))).collect())
}
/// A stroked quadratic curve: three points of `k` (see `pts`), then radii as for `stroke`.
fn arc(o: P, s: f32, k: [f32; 9]) -> Shape {
    let q = pts(o, s, &k[..6]);
    stroke(&quad(q[0], q[1], q[2]), [k[6], k[7], k[8]])
}

impl Shape {
    fn or(self, o: Shape) -> Shape {
        Union(Box::new(self), Box::new(o), 0.0)
    }
    fn smooth(self, o: Shape, k: f32) -> Shape {
        Union(Box::new(self), Box::new(o), k)
    }
    fn and(self, o: Shape) -> Shape {
        Inter(Box::new(self), Box::new(o))
    }
    fn minus(self, o: Shape) -> Shape {
        Minus(Box::new(self), Box::new(o))
    }
    fn ring(self, w: f32) -> Shape {
        Ring(Box::new(self), w)
    }

    fn sdf(&self, q: P) -> f32 {
        match self {
            Ellipse(c, r, a) => {
                let l = (q - *c).rot((-a.sin(), a.cos()));
                let k0 = p(l.x / r.x, l.y / r.y).len();
                let k1 = p(l.x / (r.x * r.x), l.y / (r.y * r.y)).len();
                if k1 < 1e-6 { -r.x.min(r.y) } else { k0 * (k0 - 1.0) / k1 }
            }
            RRect(c, h, r) => {
                let d = q - *c;
                let (dx, dy) = (d.x.abs() - h.x + r, d.y.abs() - h.y + r);
                p(dx.max(0.0), dy.max(0.0)).len() + dx.max(dy).min(0.0) - r
            }
            Poly(v) => {
                let (mut d, mut inside) = (f32::MAX, false);
                for (i, j) in (0..v.len()).zip((0..v.len()).cycle().skip(v.len() - 1)) {
                    let (e, w) = (v[j] - v[i], q - v[i]);
                    d = d.min((w - e * (w.dot(e) / e.dot(e)).clamp(0.0, 1.0)).len());
                    let c = [q.y >= v[i].y, q.y < v[j].y, e.x * w.y > e.y * w.x];
                    inside ^= c.iter().all(|&x| x) || c.iter().all(|&x| !x);
                }
                if inside { -d } else { d }
            }
            Stroke(line) => line
                .windows(2)
                .map(|w| {
                    let ((a, ra), (b, rb)) = (w[0], w[1]);
                    let e = b - a;
                    let t = ((q - a).dot(e) / e.dot(e).max(1e-9)).clamp(0.0, 1.0);
                    (q - (a + e * t)).len() - (ra + (rb - ra) * t)
                })
                .fold(f32::MAX, f32::min),
            Half(at, n) => (q - *at).dot(*n),
            Union(a, b, k) => {
                let (da, db) = (a.sdf(q), b.sdf(q));
                if *k <= 0.0 {
                    return da.min(db);
                }
                let h = (0.5 + 0.5 * (db - da) / k).clamp(0.0, 1.0);
                db + (da - db) * h - k * h * (1.0 - h)
            }
            Inter(a, b) => a.sdf(q).max(b.sdf(q)),
            Minus(a, b) => a.sdf(q).max(-b.sdf(q)),
            Ring(a, w) => a.sdf(q).abs() - w * 0.5,
        }
    }

    /// Axis-aligned bounds `[x0, y0, x1, y1]` (infinite for half-planes).
    fn bounds(&self) -> [f32; 4] {
        let inf = f32::INFINITY;
        let pad = |b: [f32; 4], d: f32| [b[0] - d, b[1] - d, b[2] + d, b[3] + d];
        let fit = |b: [f32; 4], q: P, r: f32| {
            [b[0].min(q.x - r), b[1].min(q.y - r), b[2].max(q.x + r), b[3].max(q.y + r)]
        };
        match self {
            Ellipse(c, r, _) => pad([c.x, c.y, c.x, c.y], r.x.max(r.y)),
            RRect(c, h, _) => [c.x - h.x, c.y - h.y, c.x + h.x, c.y + h.y],
            Poly(v) => v.iter().fold([inf, inf, -inf, -inf], |b, &q| fit(b, q, 0.0)),
            Stroke(v) => v.iter().fold([inf, inf, -inf, -inf], |b, &(q, r)| fit(b, q, r)),
            Half(..) => [-inf, -inf, inf, inf],
            Union(a, b, k) => {
                let (a, b) = (a.bounds(), b.bounds());
                pad([a[0].min(b[0]), a[1].min(b[1]), a[2].max(b[2]), a[3].max(b[3])], *k)
            }
            Inter(a, b) => {
                let (a, b) = (a.bounds(), b.bounds());
                [a[0].max(b[0]), a[1].max(b[1]), a[2].min(b[2]), a[3].min(b[3])]
            }
            Minus(a, _) => a.bounds(),
            Ring(a, w) => pad(a.bounds(), *w),
        }
    }
}

/// Premultiplied RGBA float canvas at `SS`x resolution. Shapes are rotated by `tilt.0` radians
/// about the point `tilt.1` while they are drawn.
struct Canvas {
    n: usize,
    px: Vec<[f32; 4]>,
    tilt: (f32, P),
}

impl Canvas {
    fn new() -> Canvas {
        let n = (SIZE * SS) as usize;
        Canvas { n, px: vec![[0.0; 4]; n * n], tilt: (0.0, p(128.0, 128.0)) }
    }

    fn fill(&mut self, s: &Shape, c: C, alpha: f32) {
        let (sc, (angle, pivot)) = (SS as f32, self.tilt);
        let (fwd, inv) = (angle.sin_cos(), (-angle).sin_cos());
        let b = s.bounds().map(|v| v.clamp(-64.0, 320.0));
        let corners = [p(b[0], b[1]), p(b[2], b[1]), p(b[0], b[3]), p(b[2], b[3])];
        let (mut lo, mut hi) = (p(f32::MAX, f32::MAX), p(f32::MIN, f32::MIN));
        for q in corners.map(|q| (q - pivot).rot(fwd) + pivot) {
            (lo, hi) = (p(lo.x.min(q.x), lo.y.min(q.y)), p(hi.x.max(q.x), hi.y.max(q.y)));
        }
        let clip = |v: f32| ((v * sc).max(0.0) as usize).min(self.n);
        for y in clip(lo.y - 1.0)..clip(hi.y + 2.0) {
            for x in clip(lo.x - 1.0)..clip(hi.x + 2.0) {
                let q = p((x as f32 + 0.5) / sc, (y as f32 + 0.5) / sc);
                let cov = (0.5 - s.sdf((q - pivot).rot(inv) + pivot) * sc).clamp(0.0, 1.0) * alpha;
                if cov > 0.0 {
                    let d = &mut self.px[y * self.n + x];
                    for (i, v) in [c.0, c.1, c.2, 1.0].into_iter().enumerate() {
                        d[i] = v * cov + d[i] * (1.0 - cov);
                    }
                }
            }
        }
    }

    fn finish(self) -> RgbaImage {
        let n = self.n as u32;
        let big = Rgba32FImage::from_fn(n, n, |x, y| Rgba(self.px[(y * n + x) as usize]));
        let small = imageops::resize(&big, SIZE, SIZE, FilterType::Lanczos3);
        RgbaImage::from_fn(SIZE, SIZE, |x, y| {
            let [r, g, b, a] = small.get_pixel(x, y).0;
            let a = a.clamp(0.0, 1.0);
            let q = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
            let un = |v: f32| if a > 1e-4 { q(v / a) } else { 0 };
            Rgba([un(r), un(g), un(b), q(a)])
        })
    }
}

// ───────────────────────────── personas ─────────────────────────────

enum Hair {
    Short,
    SidePart,
    Shaved,
    /// Short with a brushed-up front, greying (`C`) at the temples.
    Cropped(C),
    /// Chin-length bob with a swept fringe.
    Bob,
    /// Pulled back into a high bun.
    Bun,
    /// A fringe around the sides and a few strands across a bare crown.
    Thinning,
    /// Combed straight back, greying (`C`) at the sides.
    SlickedBack(C),
}
enum Beard {
    None,
    Full(C),
    Stubble,
    Moustache(C),
}
enum Clothes {
    Suit {
        jacket: C,
        shirt: C,
        tie: Option<C>,
    },
    Blouse(C),
    Polo(C),
    /// Checked shirt with an open collar.
    Flannel {
        base: C,
        check: C,
    },
    /// Open cardigan over a blouse, with a pendant on a chain.
    Cardigan {
        knit: C,
        blouse: C,
        pendant: C,
    },
    /// Crew-neck knitted sweater.
    Sweater(C),
    /// Blouse with a rounded collar.
    Collared {
        blouse: C,
        collar: C,
    },
}

/// Everything that makes one person look like themselves. Sizes are in 256-unit space.
struct Look {
    id: &'static str,
    bg: C,
    skin: C,
    hair: C,
    brows: C,
    iris: C,
    style: Hair,
    beard: Beard,
    clothes: Clothes,
    glasses: Option<C>,
    earrings: Option<C>,
    lips: Option<C>,
    /// Cranium half-width, jaw half-width, chin height.
    head: [f32; 3],
    /// Neck half-width, shoulder half-width.
    build: [f32; 2],
    brow_w: f32,
    nose_w: f32,
    lashes: bool,
    /// Age lines: 1 = smile lines and crow's feet, 2 = also forehead creases.
    lines: u8,
    /// Angular jaw and chin instead of a rounded one.
    sharp_jaw: bool,
    /// Heavy lids, bags under the eyes and sadder brows in every expression.
    weary: bool,
    /// Added to the mouth-corner lift of every expression (how the face rests).
    smile: f32,
    /// Call-centre headset in this colour.
    headset: Option<C>,
}

fn personas() -> Vec<Look> {
    vec![
        Look {
            id: "tomasz-partner",
            bg: hex(0xa9d8cf),
            skin: hex(0xf1cdb5),
            hair: hex(0xc2c0bb),
            brows: hex(0x7a766f),
            iris: hex(0x5a7d92),
            style: Hair::Short,
            beard: Beard::Full(hex(0xa5a29d)),
            clothes: Clothes::Suit { jacket: hex(0x243352), shirt: hex(0xbfd8f0), tie: Some(hex(0x8c3a44)) },
            glasses: Some(hex(0x3b4049)),
            earrings: None,
            lips: None,
            head: [48.0, 43.0, 173.0],
            build: [20.0, 96.0],
            brow_w: 2.6,
            nose_w: 1.0,
            lashes: false,
            lines: 1,
            sharp_jaw: false,
            weary: false,
            smile: 0.0,
            headset: None,
        },
        Look {
            id: "katarzyna-evasive",
            bg: hex(0xcfc6ea),
            skin: hex(0xf0c7ab),
            hair: hex(0x4a3127),
            brows: hex(0x3f2a22),
            iris: hex(0x6a4a33),
            style: Hair::SidePart,
            beard: Beard::None,
            clothes: Clothes::Blouse(hex(0x7d2242)),
            glasses: None,
            earrings: Some(GOLD),
            lips: Some(hex(0xb9505f)),
            head: [45.0, 37.0, 170.0],
            build: [15.5, 84.0],
            brow_w: 1.8,
            nose_w: 0.85,
            lashes: true,
            lines: 0,
            sharp_jaw: false,
            weary: false,
            smile: 0.0,
            headset: None,
        },
        Look {
            id: "robert-aggressive",
            bg: hex(0xf2cf9f),
            skin: hex(0xd69a7a),
            hair: hex(0x3b2c26),
            brows: hex(0x3b2c26),
            iris: hex(0x4d5a3c),
            style: Hair::Shaved,
            beard: Beard::Stubble,
            clothes: Clothes::Polo(hex(0x2f3b44)),
            glasses: None,
            earrings: None,
            lips: None,
            head: [49.0, 50.0, 175.0],
            build: [28.0, 110.0],
            brow_w: 3.0,
            nose_w: 1.35,
            lashes: false,
            lines: 1,
            sharp_jaw: false,
            weary: false,
            smile: 0.0,
            headset: None,
        },
        Look {
            id: "pawel-late-dispute",
            bg: hex(0xc3dcae),
            skin: hex(0xeab89b),
            hair: hex(0x6b4a33),
            brows: hex(0x5a3e2b),
            iris: hex(0x6b6a3c),
            style: Hair::Cropped(hex(0xa9a49d)),
            beard: Beard::Moustache(hex(0x6a4c37)),
            clothes: Clothes::Flannel { base: hex(0xa43d3a), check: hex(0x3a2326) },
            glasses: None,
            earrings: None,
            lips: None,
            head: [48.0, 45.0, 174.0],
            build: [22.0, 102.0],
            brow_w: 2.8,
            nose_w: 1.25,
            lashes: false,
            lines: 2,
            sharp_jaw: false,
            weary: false,
            smile: 0.0,
            headset: None,
        },
        Look {
            id: "marta-serial-promiser",
            bg: hex(0xf7c1ae),
            skin: hex(0xf4d2bc),
            hair: hex(0xe2bd72),
            brows: hex(0xa47c46),
            iris: hex(0x4f86b0),
            style: Hair::Bob,
            beard: Beard::None,
            clothes: Clothes::Cardigan { knit: hex(0x3f8087), blouse: hex(0xf6efe2), pendant: hex(0xd9dde3) },
            glasses: None,
            earrings: None,
            lips: Some(hex(0xd0626a)),
            head: [45.0, 39.0, 170.0],
            build: [16.0, 86.0],
            brow_w: 1.9,
            nose_w: 0.9,
            lashes: true,
            lines: 0,
            sharp_jaw: false,
            weary: false,
            smile: 1.5,
            headset: None,
        },
        Look {
            id: "jan-hardship",
            bg: hex(0xc2ccd6),
            skin: hex(0xf2dccd),
            hair: hex(0xbab7b0),
            brows: hex(0x9a958d),
            iris: hex(0x7d8f98),
            style: Hair::Thinning,
            beard: Beard::None,
            clothes: Clothes::Sweater(hex(0x9b8467)),
            glasses: None,
            earrings: None,
            lips: None,
            head: [46.0, 41.0, 177.0],
            build: [19.0, 94.0],
            brow_w: 2.3,
            nose_w: 1.15,
            lashes: false,
            lines: 2,
            sharp_jaw: false,
            weary: true,
            smile: -2.0,
            headset: None,
        },
        Look {
            id: "agnieszka-gatekeeper",
            bg: hex(0xf6e39c),
            skin: hex(0xf5d5c0),
            hair: hex(0x7a3326),
            brows: hex(0x5c281e),
            iris: hex(0x5d7a45),
            style: Hair::Bun,
            beard: Beard::None,
            clothes: Clothes::Collared { blouse: hex(0x5b77b0), collar: hex(0xf7f4ee) },
            glasses: None,
            earrings: None,
            lips: Some(hex(0xc24e5a)),
            head: [43.5, 35.0, 168.0],
            build: [15.0, 82.0],
            brow_w: 1.7,
            nose_w: 0.8,
            lashes: true,
            lines: 0,
            sharp_jaw: false,
            weary: false,
            smile: 0.0,
            headset: Some(hex(0x33363d)),
        },
        Look {
            id: "grzegorz-sue-me",
            bg: hex(0x8e9cae),
            skin: hex(0xe8c2a6),
            hair: hex(0x2e2a2a),
            brows: hex(0x2e2a2a),
            iris: hex(0x65717c),
            style: Hair::SlickedBack(hex(0x8e8d8f)),
            beard: Beard::None,
            clothes: Clothes::Suit { jacket: hex(0x2b2e35), shirt: hex(0xf8f8f6), tie: Some(hex(0x1d2433)) },
            glasses: None,
            earrings: None,
            lips: None,
            head: [47.0, 41.0, 177.0],
            build: [20.0, 100.0],
            brow_w: 2.6,
            nose_w: 1.1,
            lashes: false,
            lines: 1,
            sharp_jaw: true,
            weary: false,
            smile: -1.0,
            headset: None,
        },
    ]
}

// ───────────────────────────── expressions ─────────────────────────────

#[derive(Clone, Copy, PartialEq)]
enum Expression {
    Calm,
    Friendly,
    Relieved,
    Worried,
    Evasive,
    Annoyed,
    Angry,
}

#[derive(Clone, Copy)]
enum Eyes {
    /// Openness (1 = normal, >1 widened) and how far the inner end of the upper lid drops.
    Open(f32, f32),
    /// Smiling closed arcs.
    Happy,
    /// Relaxed closed lids.
    Closed,
}

struct Face {
    /// Raise (negative = up), inner-end drop, arch, extra raise of the brow on the viewer's right.
    brow: [f32; 4],
    eyes: Eyes,
    /// Gaze offset of the irises.
    look: P,
    /// Half-width, corner lift, opening, asymmetry, teeth shown (0..=1).
    mouth: [f32; 5],
    /// Cheek colour; above 0.3 it is an angry flush.
    blush: f32,
    frown: f32,
    vein: bool,
    sweat: bool,
    /// Head tilt in degrees, and sideways shift of the features (a slight turn).
    tilt: f32,
    turn: f32,
}

impl Face {
    /// The same expression on a worn-out face: heavier lids, sadder brows, less teeth.
    fn weary(mut self) -> Face {
        if let Eyes::Open(open, lid) = self.eyes {
            self.eyes = Eyes::Open(open * 0.78, lid);
        }
        let [raise, inner, arch, asym] = self.brow;
        self.brow = [raise + 0.5, inner - 1.5, arch - 0.5, asym];
        self.mouth[4] *= 0.5;
        self
    }
}

impl Expression {
    const ALL: [Expression; 7] = {
        use Expression::*;
        [Calm, Friendly, Relieved, Worried, Evasive, Annoyed, Angry]
    };

    fn name(self) -> &'static str {
        ["calm", "friendly", "relieved", "worried", "evasive", "annoyed", "angry"][self as usize]
    }

    fn face(self) -> Face {
        let calm = Face {
            brow: [0.0, 0.0, 1.5, 0.0],
            eyes: Eyes::Open(1.0, 0.0),
            look: p(0.0, 0.0),
            mouth: [12.0, 1.5, 0.0, 0.0, 0.0],
            blush: 0.0,
            frown: 0.0,
            vein: false,
            sweat: false,
            tilt: 0.0,
            turn: 0.0,
        };
        match self {
            Expression::Calm => calm,
            Expression::Friendly => Face {
                brow: [-3.0, 0.0, 2.5, 0.0],
                eyes: Eyes::Happy,
                mouth: [16.0, 6.0, 5.0, 0.0, 0.5],
                blush: 0.22,
                ..calm
            },
            Expression::Relieved => Face {
                brow: [-2.0, -2.5, 1.5, 0.0],
                eyes: Eyes::Closed,
                mouth: [13.0, 4.0, 0.0, 0.0, 0.0],
                blush: 0.12,
                tilt: 3.0,
                ..calm
            },
            Expression::Worried => Face {
                brow: [-4.0, -6.0, -0.5, 0.0],
                eyes: Eyes::Open(1.1, 0.0),
                look: p(0.0, 1.0),
                mouth: [10.0, -3.5, 2.5, 0.0, 0.0],
                sweat: true,
                ..calm
            },
            Expression::Evasive => Face {
                brow: [-1.0, 0.0, 1.5, 3.0],
                eyes: Eyes::Open(0.8, 0.0),
                look: p(-4.0, -1.0),
                mouth: [10.0, 0.0, 0.0, 2.5, 0.0],
                tilt: -6.0,
                turn: -3.0,
                ..calm
            },
            Expression::Annoyed => Face {
                brow: [2.0, 3.0, 0.0, 0.0],
                eyes: Eyes::Open(0.58, 0.5),
                mouth: [11.0, -2.5, 0.0, 1.5, 0.0],
                frown: 0.35,
                ..calm
            },
            Expression::Angry => Face {
                brow: [3.0, 8.0, 0.0, 0.0],
                eyes: Eyes::Open(0.85, 4.0),
                mouth: [14.0, -5.0, 6.0, 0.0, 1.0],
                blush: 0.45,
                frown: 0.6,
                vein: true,
                ..calm
            },
        }
    }
}

// ───────────────────────────── portrait ─────────────────────────────

const CX: f32 = 128.0;
const EYE_Y: f32 = 117.0;
const EYE_DX: f32 = 19.0;
const MOUTH_Y: f32 = 153.0;
const RED: C = hex(0xe0484a);
const PINK: C = hex(0xf07f86);
/// Tint of the shadows under tired eyes.
const BRUISE: C = hex(0x7a5a78);

/// A polygon with its corners rounded off by `r` (it grows by `r`).
fn rounded(v: Vec<P>, r: f32) -> Shape {
    let mut rim: Vec<(P, f32)> = v.iter().map(|&q| (q, r)).collect();
    rim.push((v[0], r));
    Poly(v).or(Stroke(rim))
}

fn head_shape(l: &Look, dy: f32) -> Shape {
    let [w, jaw, chin] = l.head;
    let cranium = ellipse(p(CX, 104.0 + dy), w, 54.0);
    if l.sharp_jaw {
        let k = [jaw, 120.0, jaw - 2.0, 154.0, 16.0, chin - 6.0];
        return cranium.smooth(rounded(symmetric(p(CX, dy), &k), 6.0), 12.0);
    }
    let jaw = ellipse(p(CX, 134.0 + dy), jaw, chin - 134.0);
    cranium.smooth(jaw, 10.0)
}

fn render(l: &Look, ex: Expression) -> RgbaImage {
    let mut f = if l.weary { ex.face().weary() } else { ex.face() };
    f.mouth[1] += l.smile;
    let mut cv = Canvas::new();
    let frame = circle(p(CX, 128.0), 126.0);
    cv.fill(&frame, l.bg, 1.0);
    cv.fill(&circle(p(CX, 112.0), 100.0), l.bg.light(0.3), 0.45);
    let tilt = (f.tilt.to_radians(), p(CX, 185.0));
    cv.tilt = tilt;
    draw_back_hair(&mut cv, l);
    cv.tilt.0 = 0.0;
    draw_body(&mut cv, l, &frame);
    cv.tilt = tilt;
    draw_head(&mut cv, l, &f);
    cv.finish()
}

/// Hair behind the head (drawn before the body).
fn draw_back_hair(cv: &mut Canvas, l: &Look) {
    let w = l.head[0];
    match l.style {
        Hair::SidePart => {
            let back = rrect(p(CX, 180.0), w + 12.0, 54.0, 22.0);
            let back = ellipse(p(CX, 106.0), w + 13.0, 64.0).smooth(back, 8.0);
            cv.fill(&back, l.hair.dark(0.18), 1.0);
        }
        Hair::Bob => {
            let back = rrect(p(CX, 148.0), w + 11.0, 23.0, 16.0);
            let back = ellipse(p(CX, 104.0), w + 12.0, 60.0).smooth(back, 8.0);
            cv.fill(&back, l.hair.dark(0.18), 1.0);
        }
        Hair::Bun => {
            let bun = circle(p(CX, 42.0), 17.0);
            cv.fill(&bun, l.hair, 1.0);
            for [ax, ay, cx, cy, bx, by] in
                [[-13.0, 40.0, -8.0, 28.0, 6.0, 27.0], [-6.0, 47.0, 4.0, 34.0, 13.0, 38.0]]
            {
                let k = [ax, ay, cx, cy, bx, by, 0.3, 0.3, 0.7];
                cv.fill(&arc(p(CX, 0.0), 1.0, k), l.hair.light(0.25), 0.7);
            }
            cv.fill(&rrect(p(CX, 57.0), 11.0, 3.0, 3.0), l.hair.dark(0.4), 1.0);
        }
        _ => {}
    }
}

fn draw_body(cv: &mut Canvas, l: &Look, frame: &Shape) {
    let [nw, sw] = l.build;
    let neck = rrect(p(CX, 180.0), nw, 34.0, 8.0);
    cv.fill(&neck, l.skin, 1.0);
    cv.fill(&head_shape(l, 9.0).and(neck), l.skin.dark(0.16), 1.0);
    let body = rrect(p(CX, 272.0), sw, 72.0, 54.0).and(frame.clone());
    let o = p(CX, 0.0);
    match l.clothes {
        Clothes::Suit { jacket, shirt, tie } => {
            cv.fill(&body, jacket, 1.0);
            let v = [-nw - 8.0, 198.0, nw + 8.0, 198.0, 0.0, 252.0];
            cv.fill(&poly(o, 1.0, &v), shirt, 1.0);
            if let Some(t) = tie {
                let blade = [-3.5, 211.0, 3.5, 211.0, 8.0, 262.0, -8.0, 262.0];
                cv.fill(&poly(o, 1.0, &blade), t, 1.0);
                let knot = [-6.0, 200.0, 6.0, 200.0, 3.5, 212.0, -3.5, 212.0];
                cv.fill(&poly(o, 1.0, &knot), t.dark(0.15), 1.0);
            }
            for s in [-1.0, 1.0] {
                let k = [nw + 8.0, 198.0, 2.0, 254.0, 14.0, 262.0, nw + 22.0, 222.0];
                let lapel = poly(o, s, &k).and(body.clone());
                cv.fill(&lapel, jacket.light(0.08), 1.0);
                cv.fill(&lapel.ring(1.0), jacket.dark(0.35), 0.8);
                let k = [nw + 2.0, 190.0, 1.0, 212.0, 10.0, 224.0, nw + 8.0, 206.0];
                cv.fill(&poly(o, s, &k), shirt.light(0.25), 1.0);
                cv.fill(&poly(o, s, &k).ring(0.9), shirt.dark(0.3), 0.7);
            }
        }
        Clothes::Blouse(c) => {
            cv.fill(&body, c, 1.0);
            let v = poly(o, 1.0, &[-nw - 3.0, 196.0, nw + 3.0, 196.0, 0.0, 236.0]);
            cv.fill(&v, l.skin, 1.0);
            cv.fill(&v.ring(3.0).and(body.clone()), c.light(0.12), 1.0);
            let chain = [1.0 - nw, 192.0, 0.0, 226.0, nw - 1.0, 192.0, 0.6, 0.6, 0.0];
            cv.fill(&arc(o, 1.0, chain), GOLD, 0.9);
            cv.fill(&circle(p(CX, 210.5), 2.2), GOLD, 1.0);
        }
        Clothes::Polo(c) => {
            cv.fill(&body, c, 1.0);
            let v = poly(o, 1.0, &[-9.0, 200.0, 9.0, 200.0, 0.0, 222.0]);
            cv.fill(&v, l.skin.dark(0.05), 1.0);
            cv.fill(&rrect(p(CX, 234.0), 5.0, 14.0, 2.0), c.light(0.06), 1.0);
            for y in [226.0, 238.0] {
                cv.fill(&circle(p(CX, y), 1.8), c.light(0.35), 1.0);
            }
            for s in [-1.0, 1.0] {
                let k = [nw + 3.0, 192.0, 3.0, 206.0, 12.0, 222.0, nw + 12.0, 208.0];
                cv.fill(&poly(o, s, &k), c.light(0.12), 1.0);
                cv.fill(&poly(o, s, &k).ring(0.9), c.dark(0.4), 0.8);
            }
        }
        Clothes::Flannel { base, check } => {
            cv.fill(&body, base, 1.0);
            let down = (-6..=6)
                .map(|i| CX + i as f32 * 17.0)
                .map(|x| (rrect(p(x, 230.0), 4.5, 40.0, 0.0), rrect(p(x + 8.5, 230.0), 0.6, 40.0, 0.0)));
            let across = [214.0, 231.0, 248.0]
                .map(|y| (rrect(p(CX, y), 130.0, 4.5, 0.0), rrect(p(CX, y + 8.5), 130.0, 0.6, 0.0)));
            for (band, thread) in down.chain(across) {
                cv.fill(&band.and(body.clone()), check, 0.3);
                cv.fill(&thread.and(body.clone()), base.light(0.5), 0.3);
            }
            let v = poly(o, 1.0, &[-nw - 4.0, 196.0, nw + 4.0, 196.0, 0.0, 232.0]);
            cv.fill(&v, l.skin, 1.0);
            cv.fill(&v.and(side_of(214.0, true)), l.skin.dark(0.12), 0.5);
            cv.fill(&rrect(p(CX, 250.0), 4.0, 16.0, 1.5), base.dark(0.1), 1.0);
            for y in [243.0, 255.0] {
                cv.fill(&circle(p(CX, y), 1.7), base.light(0.5), 1.0);
            }
            for s in [-1.0, 1.0] {
                let k = [nw + 3.0, 188.0, 5.0, 206.0, 15.0, 226.0, nw + 16.0, 206.0];
                cv.fill(&poly(o, s, &k), base.dark(0.06), 1.0);
                cv.fill(&poly(o, s, &k).ring(0.9), base.dark(0.45), 0.8);
            }
        }
        Clothes::Cardigan { knit, blouse, pendant } => {
            cv.fill(&body, knit, 1.0);
            let front = poly(o, 1.0, &[-nw - 10.0, 197.0, nw + 10.0, 197.0, 7.0, 262.0, -7.0, 262.0]);
            cv.fill(&front.and(body.clone()), blouse, 1.0);
            let neckline = ellipse(p(CX, 194.0), nw + 1.0, 20.0).and(side_of(190.0, true));
            cv.fill(&neckline, l.skin, 1.0);
            cv.fill(&neckline.ring(1.6).and(body.clone()), blouse.dark(0.1), 1.0);
            for s in [-1.0, 1.0] {
                let band =
                    stroke(&pts(o, s, &[nw + 9.0, 196.0, 6.5, 262.0]), [3.0, 3.5, 0.0]).and(body.clone());
                cv.fill(&band, knit.light(0.1), 1.0);
                cv.fill(&band.ring(0.9), knit.dark(0.35), 0.8);
            }
            let chain = [1.0 - nw, 191.0, 0.0, 232.0, nw - 1.0, 191.0, 0.45, 0.45, 0.0];
            cv.fill(&arc(o, 1.0, chain), pendant.dark(0.15), 0.9);
            let drop =
                circle(p(CX, 215.0), 2.6).smooth(poly(o, 1.0, &[-1.2, 211.0, 1.2, 211.0, 0.0, 209.0]), 1.0);
            cv.fill(&drop, pendant, 1.0);
            cv.fill(&drop.ring(0.7), pendant.dark(0.4), 0.9);
            cv.fill(&circle(p(CX - 0.8, 214.2), 0.8), WHITE, 0.9);
        }
        Clothes::Sweater(c) => {
            cv.fill(&body, c, 1.0);
            for i in -9..=9 {
                let x = CX + i as f32 * 9.0;
                let rib = stroke(&[p(x, 204.0), p(x + i as f32 * 2.0, 262.0)], [0.5; 3]);
                cv.fill(&rib.and(body.clone()), c.dark(0.3), 0.25);
            }
            let band = ellipse(p(CX, 197.0), nw + 8.0, 11.0).minus(ellipse(p(CX, 194.0), nw + 1.0, 7.0));
            let band = band.and(side_of(192.0, true));
            cv.fill(&band, c.dark(0.05), 1.0);
            for i in -7..=7 {
                let t = i as f32 / 8.0;
                let q = p(CX + t * (nw + 4.5), 197.0 + 8.0 * (1.0 - t * t).max(0.0).sqrt());
                let dir = p(t * 0.5, 1.0);
                let tick = stroke(&[q - dir * 3.0, q + dir * 2.0], [0.45; 3]);
                cv.fill(&tick.and(band.clone()), c.dark(0.3), 0.5);
            }
            cv.fill(&band.ring(0.9), c.dark(0.35), 0.8);
        }
        Clothes::Collared { blouse, collar } => {
            cv.fill(&body, blouse, 1.0);
            let v = poly(o, 1.0, &[-nw + 1.0, 196.0, nw - 1.0, 196.0, 0.0, 216.0]);
            cv.fill(&v, l.skin, 1.0);
            cv.fill(&stroke(&[p(CX, 214.0), p(CX, 262.0)], [0.6; 3]), blouse.dark(0.3), 0.8);
            for y in [228.0, 246.0] {
                cv.fill(&circle(p(CX, y), 1.8), collar, 1.0);
            }
            for s in [-1.0, 1.0] {
                let flap = Ellipse(p(CX + s * (nw * 0.5 + 4.0), 206.0), p(nw * 0.5 + 6.0, 8.5), s * 0.45);
                let flap = flap.and(half(p(CX, 0.0), p(-s, 0.0)));
                cv.fill(&flap, collar, 1.0);
                cv.fill(&flap.ring(0.9), blouse.dark(0.35), 0.8);
            }
        }
    }
}

fn draw_head(cv: &mut Canvas, l: &Look, f: &Face) {
    let (head, skin, w) = (head_shape(l, 0.0), l.skin, l.head[0]);
    for s in [-1.0, 1.0] {
        let ear = p(CX + s * (w - 1.0), 122.0);
        cv.fill(&ellipse(ear, 7.0, 11.0), skin, 1.0);
        cv.fill(&ellipse(ear + p(s * 1.5, 0.0), 3.5, 7.0), skin.dark(0.14), 1.0);
        if let Some(e) = l.earrings {
            cv.fill(&circle(ear + p(s, 10.0), 1.4), e, 1.0);
            cv.fill(&circle(ear + p(s, 14.5), 3.0).ring(1.0), e, 1.0);
        }
    }
    cv.fill(&head, skin, 1.0);
    let flushed = f.blush > 0.3;
    if flushed {
        cv.fill(&head, RED, 0.1);
    }
    let fx = CX + f.turn;
    if l.lines >= 2 {
        let deep = 0.3 + 0.08 * (-f.brow[0]).max(0.0);
        for (y, hw) in [(83.0, 15.0), (90.0, 19.0)] {
            let k = [-hw, 1.5, 0.0, -1.5, hw, 1.5, 0.35, 0.35, 0.25];
            cv.fill(&arc(p(fx, y), 1.0, k), skin.dark(0.3), deep);
        }
    }
    draw_hair(cv, l, &head, fx);
    for s in [-1.0, 1.0] {
        let cheek = ellipse(p(fx + s * 29.0, 137.0), 9.0, 5.5);
        cv.fill(&cheek, [PINK, RED][flushed as usize], f.blush);
    }
    let nose = [2.0, -8.0, 7.0, 6.0, -1.0, 9.0, 0.9, 1.3, 0.2];
    cv.fill(&arc(p(fx, 130.0), l.nose_w, nose), skin.dark(0.28), 0.8);
    for s in [-1.0, 1.0] {
        if l.lines > 0 && !matches!(l.beard, Beard::Full(_)) {
            let fold = [10.0, 0.0, 14.0, 8.0, 13.0, 16.0, 0.4, 0.9, 0.0];
            cv.fill(&arc(p(fx, 136.0), s, fold), skin.dark(0.2), 0.5);
        }
        let frown = [3.5, 0.0, 4.0, 4.0, 3.0, 9.0, 0.5, 0.5, 0.3];
        cv.fill(&arc(p(fx, 102.0), s, frown), skin.dark(0.35), f.frown);
        draw_eye(cv, l, f, p(fx + s * EYE_DX, EYE_Y), s);
        draw_brow(cv, l, f, p(fx + s * EYE_DX, EYE_Y), s);
    }
    draw_mouth(cv, l, f, fx);
    draw_front_hair(cv, l, &head);
    if let Some(h) = l.headset {
        draw_headset(cv, l, h, fx);
    }
    if let Some(g) = l.glasses {
        for s in [-1.0, 1.0] {
            let lens = rrect(p(fx + s * EYE_DX, EYE_Y + 1.0), 13.0, 9.5, 3.5);
            cv.fill(&lens, WHITE, 0.12);
            cv.fill(&lens.ring(2.0), g, 1.0);
            let hinge = p(fx + s * (EYE_DX + 13.0), EYE_Y - 3.0);
            let arm = [hinge, p(CX + s * (w - 1.0), EYE_Y - 2.0)];
            cv.fill(&stroke(&arm, [1.0, 1.0, 0.0]), g, 1.0);
        }
        let bridge = [-6.0, -1.0, 0.0, -4.0, 6.0, -1.0, 1.0, 1.0, 0.0];
        cv.fill(&arc(p(fx, EYE_Y), 1.0, bridge), g, 1.0);
    }
    if f.vein {
        let v = p(fx - 25.0, 76.0);
        let main = [0.0, 0.0, 4.0, 8.0, 1.0, 16.0, 0.4, 0.5, 0.8];
        let vein = arc(v, 1.0, main).or(arc(v, 1.0, [3.0, 7.0, 6.0, 8.0, 8.0, 5.0, 0.6, 0.3, 0.3]));
        cv.fill(&vein, skin.mix(hex(0x9c2f3a), 0.45), 0.9);
        let shine = [-0.8, 1.0, 3.0, 8.0, 0.2, 15.0, 0.1, 0.1, 0.3];
        cv.fill(&arc(v, 1.0, shine), WHITE, 0.35);
    }
    if f.sweat {
        let d = p(CX + 40.0, 92.0);
        let tip = poly(d, 1.0, &[0.0, -11.0, -3.5, -2.0, 3.5, -2.0]);
        let drop = circle(d, 4.5).smooth(tip, 1.5);
        cv.fill(&drop, hex(0x9fd6f5), 1.0);
        cv.fill(&drop.ring(1.0), hex(0x5aa6d6), 1.0);
        cv.fill(&ellipse(d + p(-1.5, -0.5), 1.0, 1.8), WHITE, 0.9);
    }
}

/// Scalp, short hair and facial hair (everything drawn under the eyes and mouth).
fn draw_hair(cv: &mut Canvas, l: &Look, head: &Shape, fx: f32) {
    let window = ellipse(p(CX, 124.0), l.head[0] - 5.0, 56.0);
    match l.style {
        Hair::Shaved => {
            let below = ellipse(p(CX, 156.0), l.head[0] + 12.0, 44.0);
            let scalp = head.clone().minus(window.smooth(below, 6.0));
            cv.fill(&scalp, l.hair, 0.16);
            cv.fill(&Ellipse(p(CX - 18.0, 64.0), p(14.0, 6.0), -0.45), WHITE, 0.2);
        }
        Hair::Short => {
            let temples = ellipse(p(CX - 22.0, 80.0), 10.0, 8.0).or(ellipse(p(CX + 22.0, 80.0), 10.0, 8.0));
            let cap = ellipse(p(CX, 103.0), l.head[0] + 3.5, 57.0).minus(window.smooth(temples, 6.0));
            cv.fill(&cap.and(side_of(124.0, false)), l.hair, 1.0);
            for [ax, ay, cx, cy, bx, by] in
                [[-12.0, 53.0, 6.0, 51.0, 26.0, 60.0], [-30.0, 60.0, -34.0, 66.0, -38.0, 78.0]]
            {
                let k = [ax, ay, cx, cy, bx, by, 0.3, 0.3, 0.7];
                cv.fill(&arc(p(CX, 0.0), 1.0, k), l.hair.light(0.35), 0.7);
            }
        }
        Hair::Cropped(grey) => {
            let temples = both(|s| ellipse(p(CX + s * 25.0, 76.0), 8.0, 8.0));
            let quiff = ellipse(p(CX - 8.0, 56.0), 28.0, 9.0);
            let cap = ellipse(p(CX, 102.0), l.head[0] + 4.0, 57.0).smooth(quiff, 6.0);
            let cap = cap.minus(window.smooth(temples, 6.0)).and(side_of(126.0, false));
            cv.fill(&cap, l.hair, 1.0);
            grey_sides(cv, l, &cap, grey);
            let strokes = [
                [-24.0, 66.0, -14.0, 52.0, 6.0, 49.0],
                [-10.0, 68.0, 0.0, 56.0, 22.0, 54.0],
                [-38.0, 74.0, -42.0, 86.0, -43.0, 98.0],
                [38.0, 74.0, 42.0, 86.0, 43.0, 98.0],
            ];
            for [ax, ay, cx, cy, bx, by] in strokes {
                let k = [ax, ay, cx, cy, bx, by, 0.3, 0.3, 0.7];
                cv.fill(&arc(p(CX, 0.0), 1.0, k).and(cap.clone()), l.hair.light(0.3), 0.6);
            }
        }
        Hair::Thinning => {
            let cap = ellipse(p(CX, 103.0), l.head[0] + 3.0, 57.0).minus(window).and(side_of(126.0, false));
            let crown = ellipse(p(CX, 58.0), l.head[0] - 2.0, 32.0);
            let fringe = cap.clone().minus(crown.clone()).and(ellipse(p(CX, 100.0), l.head[0] + 3.0, 27.0));
            cv.fill(&fringe, l.hair, 1.0);
            cv.fill(&cap.and(crown), l.hair, 0.2);
            let strands = [
                [-30.0, 66.0, -10.0, 50.0, 22.0, 56.0],
                [-26.0, 72.0, -4.0, 58.0, 28.0, 64.0],
                [-34.0, 62.0, -18.0, 50.0, 8.0, 52.0],
            ];
            for [ax, ay, cx, cy, bx, by] in strands {
                let k = [ax, ay, cx, cy, bx, by, 0.3, 0.3, 0.3];
                cv.fill(&arc(p(CX, 0.0), 1.0, k), l.hair.dark(0.08), 0.8);
            }
            cv.fill(&Ellipse(p(CX + 18.0, 66.0), p(9.0, 3.5), 0.4), WHITE, 0.15);
        }
        Hair::SlickedBack(grey) => {
            let temples = both(|s| ellipse(p(CX + s * 21.0, 71.0), 10.0, 6.0));
            let window = ellipse(p(CX, 128.0), l.head[0] - 5.0, 58.0).smooth(temples, 10.0);
            let snug = ellipse(p(CX, 106.0), l.head[0] + 2.0, 70.0);
            let cap = ellipse(p(CX, 100.0), l.head[0] + 3.0, 57.0).and(snug);
            let cap = cap.minus(window).and(side_of(118.0, false));
            cv.fill(&cap, l.hair, 1.0);
            grey_sides(cv, l, &cap, grey);
            cv.fill(&ellipse(p(CX, 60.0), l.head[0] - 8.0, 9.0).and(cap.clone()), l.hair.light(0.1), 1.0);
            for x in [-34.0_f32, -25.0, -16.0, -7.0, 2.0, 11.0, 20.0, 29.0] {
                let k = [x, 76.0 - (x / 7.0).powi(2), x * 1.05, 58.0, x * 1.1, 42.0, 0.45, 0.25, 0.15];
                cv.fill(&arc(p(CX, 0.0), 1.0, k).and(cap.clone()), l.hair.light(0.3), 0.7);
            }
        }
        Hair::Bun => {
            let window = ellipse(p(CX, 126.0), l.head[0] - 4.0, 57.0);
            let cap = ellipse(p(CX, 103.0), l.head[0] + 2.5, 56.0).minus(window).and(side_of(118.0, false));
            cv.fill(&cap, l.hair, 1.0);
            for x in [-26.0_f32, -12.0, 4.0, 18.0, 30.0] {
                let k = [x, 73.0 - (x / 9.0).powi(2), x * 0.7, 56.0, x * 0.3, 48.0, 0.3, 0.3, 0.4];
                cv.fill(&arc(p(CX, 0.0), 1.0, k).and(cap.clone()), l.hair.light(0.22), 0.6);
            }
            for s in [-1.0, 1.0] {
                let wisp = [32.0, 80.0, 40.0, 98.0, 36.0, 116.0, 0.6, 0.3, 0.2];
                cv.fill(&arc(p(CX, 0.0), s, wisp), l.hair, 1.0);
            }
        }
        Hair::SidePart | Hair::Bob => {}
    }
    let cheeks = rrect(p(fx, 118.0), l.head[1] - 5.0, 24.0, 14.0);
    let jaw = head.clone().and(side_of(120.0, true)).minus(cheeks);
    let chin = ellipse(p(fx, MOUTH_Y + 3.0), 18.0, 14.0).and(head.clone());
    let beard = jaw.or(chin).minus(ellipse(p(fx, MOUTH_Y + 1.5), 9.0, 4.0));
    match l.beard {
        Beard::Full(c) => {
            cv.fill(&beard, c, 1.0);
            let stache = [-16.0, -0.5, 0.0, -10.0, 16.0, -0.5, 1.3, 1.3, 3.2];
            cv.fill(&arc(p(fx, MOUTH_Y), 1.0, stache), c.dark(0.12), 1.0);
        }
        Beard::Stubble => {
            let lip = ellipse(p(fx, MOUTH_Y - 6.0), 14.0, 4.5);
            let zone = beard.or(lip).and(head.clone());
            cv.fill(&zone, l.hair, 0.2);
            let (b, mut seed) = (zone.bounds(), 0x2545_f491_u32);
            let mut rnd = || {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                seed as f32 / u32::MAX as f32
            };
            for _ in 0..900 {
                let q = p(b[0] + (b[2] - b[0]) * rnd(), b[1] + (b[3] - b[1]) * rnd());
                if zone.sdf(q) < -0.8 {
                    cv.fill(&circle(q, 0.45), l.hair, 0.45);
                }
            }
        }
        Beard::Moustache(c) => {
            let k = [3.0, -12.0, 13.0, -10.0, 19.0, -5.0, 21.0, 1.0, 15.0, -1.5, 8.0, -4.0, 1.0, -4.5];
            let stache = rounded(symmetric(p(fx, MOUTH_Y), &k), 1.0);
            cv.fill(&stache, c, 1.0);
            for s in [-1.0, 1.0] {
                for x in [4.0, 9.0, 14.0] {
                    let k = [x - 1.0, -10.0, x + 1.0, -7.0, x + 2.0, -3.5, 0.35, 0.35, 0.0];
                    cv.fill(&arc(p(fx, MOUTH_Y), s, k).and(stache.clone()), c.light(0.2), 0.6);
                }
            }
        }
        Beard::None => {}
    }
}

/// Hair that falls over the edges of the face (drawn over the features).
fn draw_front_hair(cv: &mut Canvas, l: &Look, head: &Shape) {
    let strands: &[[f32; 6]] = match l.style {
        Hair::SidePart => {
            cv.fill(&side_part(l, head, 2.5).and(head.clone()), l.skin.dark(0.2), 0.5);
            cv.fill(&side_part(l, head, 0.0), l.hair, 1.0);
            &[[-12.0, 57.0, 20.0, 64.0, 36.0, 100.0], [-4.0, 51.0, 34.0, 58.0, 47.0, 102.0]]
        }
        Hair::Bob => {
            cv.fill(&bob(l, head, 2.5).and(head.clone()), l.skin.dark(0.2), 0.5);
            cv.fill(&bob(l, head, 0.0), l.hair, 1.0);
            &[
                [-20.0, 56.0, 2.0, 62.0, 30.0, 86.0],
                [-10.0, 52.0, 22.0, 58.0, 44.0, 96.0],
                [-34.0, 66.0, -50.0, 110.0, -44.0, 160.0],
            ]
        }
        _ => return,
    };
    for &[ax, ay, cx, cy, bx, by] in strands {
        let k = [ax, ay, cx, cy, bx, by, 0.2, 0.2, 0.6];
        cv.fill(&arc(p(CX, 0.0), 1.0, k), l.hair.light(0.14), 0.8);
    }
}

/// Chin-length bob with a fringe swept to the viewer's right; `dy` as for `side_part`.
fn bob(l: &Look, head: &Shape, dy: f32) -> Shape {
    let (o, w) = (p(CX, dy), l.head[0]);
    let mut line = quad(o + p(-40.0, 150.0), o + p(-46.0, 84.0), o + p(-22.0, 70.0));
    line.extend(quad(o + p(-22.0, 70.0), o + p(6.0, 96.0), o + p(41.0, 94.0)));
    line.extend(quad(o + p(41.0, 94.0), o + p(44.0, 130.0), o + p(36.0, 172.0)));
    line.extend(pts(o, 1.0, &[20.0, 210.0, -20.0, 210.0]));
    let k = [w - 14.0, 96.0, w + 5.0, 96.0, w + 7.0, 146.0, w + 1.0, 160.0, w - 14.0, 166.0];
    let sides = both(|s| rounded(pts(o, s, &k), 7.0));
    let cap = ellipse(o + p(0.0, 101.0), w + 6.0, 57.0).or(sides);
    cap.minus(Poly(line).and(head.clone()))
}

/// Headband over the crown, ear cups and a microphone boom towards the mouth.
fn draw_headset(cv: &mut Canvas, l: &Look, c: C, fx: f32) {
    let w = l.head[0];
    let band: Vec<P> = (0..=24)
        .map(|i| std::f32::consts::PI * (1.0 + i as f32 / 24.0))
        .map(|t| p(CX + (w + 5.0) * t.cos(), 118.0 + 72.0 * t.sin()))
        .collect();
    cv.fill(&stroke(&band, [2.0, 2.0, 0.6]), c, 1.0);
    for s in [-1.0, 1.0] {
        let cup = rrect(p(CX + s * (w + 2.0), 121.0), 5.5, 11.0, 4.5);
        cv.fill(&cup, c, 1.0);
        cv.fill(&rrect(p(CX + s * (w - 1.5), 121.0), 2.5, 9.0, 2.5), c.light(0.25), 1.0);
    }
    let boom = quad(p(CX - w - 1.0, 128.0), p(CX - w + 4.0, 156.0), p(fx - 25.0, 157.0));
    cv.fill(&stroke(&boom, [1.4, 1.1, 0.0]), c, 1.0);
    let mic = Ellipse(p(fx - 24.0, 157.0), p(4.0, 2.8), 0.0);
    cv.fill(&mic, c.light(0.1), 1.0);
    cv.fill(&mic.ring(0.8), c.dark(0.3), 1.0);
}

/// The same shape on both sides of the face (`s` = -1 on the viewer's left, 1 on the right).
fn both(f: impl Fn(f32) -> Shape) -> Shape {
    f(-1.0).or(f(1.0))
}

/// Greying at the temples: a soft mix over the sides, solid grey just above the ears.
fn grey_sides(cv: &mut Canvas, l: &Look, cap: &Shape, grey: C) {
    let w = l.head[0];
    for (dx, ry, mix) in [(0.0, 26.0, 0.3), (2.0, 19.0, 0.6), (4.0, 12.0, 0.9)] {
        let sides = both(|s| ellipse(p(CX + s * (w + dx), 118.0), 10.0, ry));
        cv.fill(&cap.clone().and(sides), l.hair.mix(grey, mix), 1.0);
    }
}

/// Front hair with a side parting; `dy` shifts it down (used for its shadow on the forehead).
fn side_part(l: &Look, head: &Shape, dy: f32) -> Shape {
    let o = p(CX, dy);
    let mut line = quad(o + p(-44.0, 130.0), o + p(-38.0, 72.0), o + p(-10.0, 62.0));
    line.extend(quad(o + p(-10.0, 62.0), o + p(18.0, 76.0), o + p(42.0, 112.0)));
    line.extend(pts(o, 1.0, &[60.0, 210.0, -60.0, 210.0]));
    let lock = rrect(o + p(l.head[0] - 2.0, 150.0), 11.0, 54.0, 10.0);
    let cap = ellipse(o + p(0.0, 103.0), l.head[0] + 5.0, 59.0);
    cap.or(lock).minus(Poly(line).and(head.clone()))
}

fn draw_eye(cv: &mut Canvas, l: &Look, f: &Face, c: P, s: f32) {
    let (rx, ry) = (9.5, 6.5);
    let ink = if l.lashes { 1.4 } else { 1.05 };
    if l.weary {
        let bag = [-0.75 * rx, ry + 2.0, 0.5, ry + 8.5, 0.85 * rx, ry + 1.5, 0.3, 0.3, 0.5];
        cv.fill(&arc(c, s, bag), l.skin.mix(BRUISE, 0.3), 0.45);
        let shade = Ellipse(c + p(0.0, ry + 3.5), p(rx * 0.8, 3.0), 0.0);
        cv.fill(&shade, l.skin.mix(BRUISE, 0.35), 0.25);
    }
    match f.eyes {
        Eyes::Open(open, lid) => {
            let rye = ry * open.max(1.0);
            let y0 = c.y + rye - 2.0 * rye * open.min(1.0);
            let m = lid / (-s * rx);
            let eye = ellipse(c, rx, rye).and(half(p(c.x, y0), p(m, -1.0)));
            cv.fill(&eye, WHITE, 1.0);
            let ic = c + f.look + p(0.0, 0.5);
            cv.fill(&circle(ic, 5.3).and(eye.clone()), l.iris, 1.0);
            cv.fill(&circle(ic, 2.6).and(eye.clone()), INK, 1.0);
            cv.fill(&circle(ic + p(-1.6, -1.7), 1.3).and(eye.clone()), WHITE, 0.95);
            let lid_y = |dx: f32| (c.y - rye * (1.0 - (dx / rx).powi(2)).max(0.0).sqrt()).max(y0 + m * dx);
            let lid_line: Vec<P> =
                (0..=16).map(|i| i as f32 * rx / 8.0 - rx).map(|dx| p(c.x + dx, lid_y(dx))).collect();
            cv.fill(&stroke(&lid_line, [0.6, 0.6, ink]), INK, 1.0);
            if l.lashes {
                let flick = [rx - 2.0, -2.0, rx + 1.0, -1.5, rx + 3.0, -4.0, 1.0, 0.3, 0.0];
                cv.fill(&arc(c, s, flick), INK, 1.0);
            }
            let under = [-0.6 * rx, ry + 1.5, 0.0, ry + 3.0, 0.6 * rx, ry + 1.5, 0.3, 0.3, 0.3];
            cv.fill(&arc(c, 1.0, under), l.skin.dark(0.25), 0.35);
        }
        Eyes::Happy => {
            let k = [-rx, 2.5, 0.0, -ry * 1.4, rx, 2.5, 0.5, 0.5, ink + 0.3];
            cv.fill(&arc(c, 1.0, k), INK, 1.0);
            if l.lines > 0 {
                let crows = [rx + 3.0, -2.0, rx + 5.0, 1.0, rx + 3.0, 4.0, 0.4, 0.4, 0.2];
                cv.fill(&arc(c, s, crows), l.skin.dark(0.3), 0.6);
            }
        }
        Eyes::Closed => {
            let k = [-rx, -0.5, 0.0, 5.0, rx, -0.5, 0.5, 0.5, ink + 0.2];
            cv.fill(&arc(c, 1.0, k), INK, 1.0);
            if l.lashes {
                let flick = [rx, -0.5, rx + 1.5, 0.0, rx + 3.0, -2.0, 0.9, 0.3, 0.0];
                cv.fill(&arc(c, s, flick), INK, 1.0);
            }
        }
    }
}

fn draw_brow(cv: &mut Canvas, l: &Look, f: &Face, c: P, s: f32) {
    let [raise, tilt, arch, asym] = f.brow;
    let base = c.y - 16.0 + raise - if s > 0.0 { asym } else { 0.0 };
    let inner = p(c.x - s * 9.0, base + tilt);
    let outer = p(c.x + s * 11.5, base + 1.5 - tilt * 0.3);
    let mid = (inner + outer) * 0.5 + p(0.0, -arch * 2.0 - 1.0);
    let brow = stroke(&quad(inner, mid, outer), [l.brow_w, l.brow_w * 0.5, 0.3]);
    cv.fill(&brow, l.brows, 1.0);
}

/// Mouth from two quadratic lips between the corners `a` and `b`; open when `open > 0.5`.
fn draw_mouth(cv: &mut Canvas, l: &Look, f: &Face, fx: f32) {
    let [w, smile, open, asym, teeth] = f.mouth;
    let a = p(fx - w, MOUTH_Y - smile + asym);
    let b = p(fx + w, MOUTH_Y - smile - asym);
    let upper = p(fx, MOUTH_Y + smile - open * 0.4);
    let lower = p(fx, MOUTH_Y + smile + open * 2.0);
    let lip_ink = l.skin.dark(0.55);
    if let Some(lc) = l.lips {
        let mut lips = quad(a, upper + p(0.0, -6.0), b);
        lips.extend(quad(a, lower + p(0.0, 8.0), b).into_iter().rev());
        cv.fill(&Poly(lips), lc, 1.0);
    }
    if open > 0.5 {
        let mut edge = quad(a, upper, b);
        edge.extend(quad(a, lower, b).into_iter().rev());
        let hole = Poly(edge);
        cv.fill(&hole, hex(0x5b2126), 1.0);
        let tongue = ellipse(p(fx, (lower.y + a.y) * 0.5 + 2.0), w * 0.6, open * 0.8);
        cv.fill(&tongue.and(hole.clone()), hex(0xd0656d), 1.0);
        let top = 0.25 * (a.y + b.y) + 0.5 * upper.y;
        if teeth > 0.0 {
            let bite = side_of(top + open * 1.1 * teeth + 0.8, false);
            cv.fill(&hole.clone().and(bite), WHITE, 1.0);
        }
        if teeth >= 1.0 {
            let y = top + open * 0.5;
            let gap = stroke(&[p(fx - w, y), p(fx + w, y)], [0.4; 3]);
            cv.fill(&gap.and(hole.clone()), hex(0xb8b0a8), 1.0);
        }
        cv.fill(&hole.ring(1.4), lip_ink, 1.0);
    } else {
        let line = stroke(&quad(a, p(fx, MOUTH_Y + smile), b), [0.7, 0.7, 0.6]);
        cv.fill(&line, lip_ink, 1.0);
        if l.lips.is_none() {
            let lo = p(fx, MOUTH_Y + 5.5 - smile.min(0.0) * 0.5);
            let k = [-4.5, 0.0, 0.0, 1.5, 4.5, 0.0, 0.3, 0.3, 0.6];
            cv.fill(&arc(lo, 1.0, k), l.skin.dark(0.3), 0.45);
        }
    }
    if smile > 3.0 {
        for (s, c) in [(-1.0, a), (1.0, b)] {
            let k = [-1.0, -2.0, 1.5, -0.5, 0.5, 2.5, 0.4, 0.4, 0.2];
            cv.fill(&arc(c, s, k), lip_ink, 0.6);
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let sheet_path = args.iter().position(|a| a == "--sheet").and_then(|i| args.get(i + 1));
    let looks = personas();
    let (cols, rows) = (Expression::ALL.len() as u32, looks.len() as u32);
    let mut sheet = RgbaImage::from_pixel(SIZE * cols, SIZE * rows, Rgba([238, 238, 238, 255]));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/portraits");
    for (row, look) in looks.iter().enumerate() {
        let dir = root.join(look.id);
        std::fs::create_dir_all(&dir)?;
        for (col, &ex) in Expression::ALL.iter().enumerate() {
            let img = render(look, ex);
            img.save(dir.join(format!("{}.png", ex.name())))?;
            let (x, y) = (col as i64 * SIZE as i64, row as i64 * SIZE as i64);
            imageops::overlay(&mut sheet, &img, x, y);
        }
        println!("wrote {}", dir.display());
    }
    if let Some(path) = sheet_path {
        sheet.save(path)?;
        println!("wrote {path}");
    }
    Ok(())
}
