//! Draws Settle's application icon: a speech bubble with a tick on a teal tile (a call that
//! ends in an agreement). Writes the PNGs at the sizes desktops look for and the same shapes
//! as SVG, so the pictures and the scalable icon never drift apart:
//!
//!     cargo run --example draw_icon
//!
//! The output is committed under `assets/icons/`; run this again only to change the design.

use std::path::Path;

/// The design, on a 256-unit square.
const TILE: (f32, f32, f32, f32, f32) = (8.0, 8.0, 248.0, 248.0, 52.0);
const BUBBLE: (f32, f32, f32, f32, f32) = (40.0, 52.0, 216.0, 172.0, 30.0);
const TAIL: [(f32, f32); 3] = [(78.0, 160.0), (130.0, 160.0), (64.0, 212.0)];
const TICK: [(f32, f32); 3] = [(84.0, 112.0), (116.0, 142.0), (174.0, 84.0)];
const TICK_WIDTH: f32 = 20.0;
const TEAL: [u8; 3] = [0x1d, 0x5a, 0x6e];
const WHITE: [u8; 3] = [0xfb, 0xf8, 0xf1];
const AMBER: [u8; 3] = [0xe0, 0x97, 0x2b];

fn in_rounded((x0, y0, x1, y1, r): (f32, f32, f32, f32, f32), x: f32, y: f32) -> bool {
    let cx = x.clamp(x0 + r, x1 - r);
    let cy = y.clamp(y0 + r, y1 - r);
    (x - cx).powi(2) + (y - cy).powi(2) <= r * r && (x0..=x1).contains(&x) && (y0..=y1).contains(&y)
}

fn in_triangle([a, b, c]: [(f32, f32); 3], x: f32, y: f32) -> bool {
    let side = |p: (f32, f32), q: (f32, f32)| (q.0 - p.0) * (y - p.1) - (q.1 - p.1) * (x - p.0);
    let (d1, d2, d3) = (side(a, b), side(b, c), side(c, a));
    let negative = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
    let positive = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
    !(negative && positive)
}

fn near_segment((ax, ay): (f32, f32), (bx, by): (f32, f32), x: f32, y: f32, half: f32) -> bool {
    let (dx, dy) = (bx - ax, by - ay);
    let t = (((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
    (x - ax - t * dx).powi(2) + (y - ay - t * dy).powi(2) <= half * half
}

/// The colour at a point of the design, or none outside the tile.
fn colour_at(x: f32, y: f32) -> Option<[u8; 3]> {
    if !in_rounded(TILE, x, y) {
        return None;
    }
    let half = TICK_WIDTH / 2.0;
    if near_segment(TICK[0], TICK[1], x, y, half) || near_segment(TICK[1], TICK[2], x, y, half) {
        return Some(AMBER);
    }
    if in_rounded(BUBBLE, x, y) || in_triangle(TAIL, x, y) {
        return Some(WHITE);
    }
    Some(TEAL)
}

/// The icon at `size` pixels, each pixel the average of 8×8 samples.
fn draw(size: u32) -> image::RgbaImage {
    const SAMPLES: u32 = 8;
    let scale = 256.0 / size as f32;
    image::RgbaImage::from_fn(size, size, |px, py| {
        let mut sum = [0u32; 4];
        for sy in 0..SAMPLES {
            for sx in 0..SAMPLES {
                let x = (px as f32 + (sx as f32 + 0.5) / SAMPLES as f32) * scale;
                let y = (py as f32 + (sy as f32 + 0.5) / SAMPLES as f32) * scale;
                if let Some(c) = colour_at(x, y) {
                    for i in 0..3 {
                        sum[i] += u32::from(c[i]);
                    }
                    sum[3] += 1;
                }
            }
        }
        if sum[3] == 0 {
            return image::Rgba([0, 0, 0, 0]);
        }
        let n = sum[3];
        let alpha = (n * 255 / (SAMPLES * SAMPLES)) as u8;
        image::Rgba([(sum[0] / n) as u8, (sum[1] / n) as u8, (sum[2] / n) as u8, alpha])
    })
}

fn svg() -> String {
    let hex = |c: [u8; 3]| format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
    let rect = |(x0, y0, x1, y1, r): (f32, f32, f32, f32, f32), fill: &str| {
        format!(
            r#"  <rect x="{x0}" y="{y0}" width="{}" height="{}" rx="{r}" fill="{fill}"/>"#,
            x1 - x0,
            y1 - y0
        )
    };
    let points = |p: [(f32, f32); 3]| p.iter().map(|(x, y)| format!("{x},{y}")).collect::<Vec<_>>().join(" ");
    [
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">"#.to_string(),
        rect(TILE, &hex(TEAL)),
        rect(BUBBLE, &hex(WHITE)),
        format!(r#"  <polygon points="{}" fill="{}"/>"#, points(TAIL), hex(WHITE)),
        format!(
            r#"  <polyline points="{}" fill="none" stroke="{}" stroke-width="{TICK_WIDTH}" stroke-linecap="round" stroke-linejoin="round"/>"#,
            points(TICK),
            hex(AMBER)
        ),
        "</svg>\n".to_string(),
    ]
    .join("\n")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icons");
    for size in [16, 24, 32, 48, 64, 128, 256, 512] {
        let dir = root.join(format!("hicolor/{size}x{size}/apps"));
        std::fs::create_dir_all(&dir)?;
        draw(size).save(dir.join("settle.png"))?;
    }
    let scalable = root.join("hicolor/scalable/apps");
    std::fs::create_dir_all(&scalable)?;
    std::fs::write(scalable.join("settle.svg"), svg())?;
    println!("icons written to {}", root.display());
    Ok(())
}
