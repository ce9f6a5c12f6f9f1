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
}
enum Beard {
    None,
    Full(C),
    Stubble,
}
enum Clothes {
    Suit { jacket: C, shirt: C, tie: Option<C> },
    Blouse(C),
    Polo(C),
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
    /// Age lines (smile lines, crow's feet).
    lines: bool,
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
            lines: true,
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
            lines: false,
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
            lines: true,
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

fn head_shape(l: &Look, dy: f32) -> Shape {
    let [w, jaw, chin] = l.head;
    let jaw = ellipse(p(CX, 134.0 + dy), jaw, chin - 134.0);
    ellipse(p(CX, 104.0 + dy), w, 54.0).smooth(jaw, 10.0)
}

fn render(l: &Look, ex: Expression) -> RgbaImage {
    let f = ex.face();
    let mut cv = Canvas::new();
    let frame = circle(p(CX, 128.0), 126.0);
    cv.fill(&frame, l.bg, 1.0);
    cv.fill(&circle(p(CX, 112.0), 100.0), l.bg.light(0.3), 0.45);
    let tilt = (f.tilt.to_radians(), p(CX, 185.0));
    cv.tilt = tilt;
    if let Hair::SidePart = l.style {
        let back = rrect(p(CX, 180.0), l.head[0] + 12.0, 54.0, 22.0);
        let back = ellipse(p(CX, 106.0), l.head[0] + 13.0, 64.0).smooth(back, 8.0);
        cv.fill(&back, l.hair.dark(0.18), 1.0);
    }
    cv.tilt.0 = 0.0;
    draw_body(&mut cv, l, &frame);
    cv.tilt = tilt;
    draw_head(&mut cv, l, &f);
    cv.finish()
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
    draw_hair(cv, l, &head, fx);
    for s in [-1.0, 1.0] {
        let cheek = ellipse(p(fx + s * 29.0, 137.0), 9.0, 5.5);
        cv.fill(&cheek, [PINK, RED][flushed as usize], f.blush);
    }
    let nose = [2.0, -8.0, 7.0, 6.0, -1.0, 9.0, 0.9, 1.3, 0.2];
    cv.fill(&arc(p(fx, 130.0), l.nose_w, nose), skin.dark(0.28), 0.8);
    for s in [-1.0, 1.0] {
        if l.lines && !matches!(l.beard, Beard::Full(_)) {
            let fold = [10.0, 0.0, 14.0, 8.0, 13.0, 16.0, 0.4, 0.9, 0.0];
            cv.fill(&arc(p(fx, 136.0), s, fold), skin.dark(0.2), 0.5);
        }
        let frown = [3.5, 0.0, 4.0, 4.0, 3.0, 9.0, 0.5, 0.5, 0.3];
        cv.fill(&arc(p(fx, 102.0), s, frown), skin.dark(0.35), f.frown);
        draw_eye(cv, l, f, p(fx + s * EYE_DX, EYE_Y), s);
        draw_brow(cv, l, f, p(fx + s * EYE_DX, EYE_Y), s);
    }
    draw_mouth(cv, l, f, fx);
    if let Hair::SidePart = l.style {
        cv.fill(&side_part(l, &head, 2.5).and(head.clone()), skin.dark(0.2), 0.5);
        cv.fill(&side_part(l, &head, 0.0), l.hair, 1.0);
        let strands = [[-12.0, 57.0, 20.0, 64.0, 36.0, 100.0], [-4.0, 51.0, 34.0, 58.0, 47.0, 102.0]];
        for [ax, ay, cx, cy, bx, by] in strands {
            let k = [ax, ay, cx, cy, bx, by, 0.2, 0.2, 0.6];
            cv.fill(&arc(p(CX, 0.0), 1.0, k), l.hair.light(0.14), 0.8);
        }
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
        Hair::SidePart => {}
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
        Beard::None => {}
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
            if l.lines {
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
