//! The reply timer and the call clock, as pure arithmetic on seconds that the caller reads
//! from its own clock (egui's input time in the app), so they are testable without waiting.

/// Counts down the seconds the trainee has for a reply.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReplyTimer {
    limit: f64,
    started: f64,
}

impl ReplyTimer {
    pub fn new(limit_secs: u32, now: f64) -> ReplyTimer {
        ReplyTimer { limit: f64::from(limit_secs.max(1)), started: now }
    }

    pub fn remaining(&self, now: f64) -> f64 {
        (self.limit - (now - self.started)).clamp(0.0, self.limit)
    }

    /// 1.0 when the timer starts, 0.0 when it runs out.
    pub fn fraction_left(&self, now: f64) -> f32 {
        (self.remaining(now) / self.limit) as f32
    }

    pub fn expired(&self, now: f64) -> bool {
        now - self.started >= self.limit
    }
}

/// `m:ss` (or `h:mm:ss` past an hour) for a call clock.
pub fn clock(seconds: f64) -> String {
    let total = seconds.max(0.0) as u64;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h > 0 { format!("{h}:{m:02}:{s:02}") } else { format!("{m}:{s:02}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_and_expires() {
        let t = ReplyTimer::new(20, 100.0);
        assert_eq!(t.remaining(105.0), 15.0);
        assert_eq!(t.fraction_left(110.0), 0.5);
        assert!(!t.expired(119.9));
        assert!(t.expired(120.0));
        assert_eq!(t.remaining(500.0), 0.0);
    }

    #[test]
    fn formats_the_call_clock() {
        assert_eq!(clock(0.4), "0:00");
        assert_eq!(clock(75.0), "1:15");
        assert_eq!(clock(3725.0), "1:02:05");
    }
}
