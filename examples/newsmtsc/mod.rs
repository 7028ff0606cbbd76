//! The NewsMTSC split shared by `eval_tone` and `tone_features` (and `bench/tone_peers.py`,
//! which computes the same hash): `read` or `held` by FNV-1a of the sentence id, a fixed split
//! that does not depend on the file's order. Errors are read, and weights fitted, on `read`
//! only.

pub fn half(id: &str) -> &'static str {
    let h = id.bytes().fold(0x811C_9DC5u32, |h, b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    });
    if h % 2 == 0 {
        "read"
    } else {
        "held"
    }
}
