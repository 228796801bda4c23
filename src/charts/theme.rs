//! Colours, shapes and type for every chart. The palette is Okabe–Ito (safe for the common forms
//! of colour blindness); every series also gets its own marker shape and dash pattern, so colour
//! is never the only way to tell series apart. Text colours meet WCAG AA on white.

use plotters::style::RGBColor;

/// Okabe–Ito, without yellow (too light for lines on white), in drawing order.
pub const PALETTE: [RGBColor; 7] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0x00, 0x00, 0x00), // black
];

/// CSS hex of a palette colour, for HTML legends and table swatches.
pub fn css_colour(style: usize) -> String {
    let RGBColor(r, g, b) = PALETTE[style % PALETTE.len()];
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Marker shapes, in the same order as the palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
}

pub fn shape(style: usize) -> Shape {
    [Shape::Circle, Shape::Square, Shape::Triangle, Shape::Diamond, Shape::Cross][style % 5]
}

/// Dash pattern (dash length, gap) in pixels; `None` = solid. From the eighth series on, where the
/// colours repeat, the patterns are shifted by one, so a series never repeats both the colour and
/// the line of an earlier one (a review: on Trends' chart of nine steps "Werkvoorraad" and
/// "Versterkingstraject afgerond" were both solid blue, told apart only by their markers).
pub fn dash(style: usize) -> Option<(u32, u32)> {
    [None, Some((8, 4)), None, Some((3, 3)), Some((12, 4)), None, Some((6, 6))][(style + style / PALETTE.len()) % 7]
}

/// Everything that is not data.
#[derive(Clone, Debug)]
pub struct Theme {
    pub font: &'static str,
    /// Base font size in CSS pixels.
    pub font_size: f64,
    pub text: RGBColor,
    pub muted_text: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    pub marker_line: RGBColor,
    pub background: RGBColor,
    pub stamp: RGBColor,
    /// Draw title, legend and source line inside the image (SVG/PNG export); on screen they are HTML.
    pub captions: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            font: "sans-serif",
            font_size: 13.0,
            text: RGBColor(0x1a, 0x1a, 0x1a),
            muted_text: RGBColor(0x4a, 0x4a, 0x4a),
            grid: RGBColor(0xe3, 0xe3, 0xe3),
            axis: RGBColor(0x59, 0x59, 0x59),
            marker_line: RGBColor(0x6b, 0x6b, 0x6b),
            background: RGBColor(0xff, 0xff, 0xff),
            stamp: RGBColor(0xb0, 0x00, 0x20),
            captions: false,
        }
    }
}

impl Theme {
    /// The theme for a chart drawn `width` pixels wide on screen. Its text grows with the chart
    /// on a wide screen, from 13 px for charts up to ~1350 px wide (phones, laptops, the exports)
    /// to 16 px on a 1920 px meeting-room screen, where the labels are read from across the room
    /// and 13 px was a third smaller than the page's text.
    pub fn for_width(width: u32) -> Theme {
        let font_size = (f64::from(width) / 105.0).clamp(13.0, 16.0).round();
        Theme { font_size, ..Theme::default() }
    }

    /// The theme for exported images: captions inside the picture.
    pub fn export() -> Theme {
        Theme { captions: true, ..Theme::default() }
    }
}

#[cfg(test)]
mod tests {
    /// Regression (see [`super::dash`]): no two of the first 14 series share colour and line.
    #[test]
    fn no_two_series_share_colour_and_line() {
        for a in 0..14 {
            for b in 0..a {
                assert!(super::css_colour(a) != super::css_colour(b) || super::dash(a) != super::dash(b), "series {b} and {a}");
            }
        }
    }

    use super::Theme;

    #[test]
    fn chart_text_grows_only_on_wide_screens() {
        // A phone, a laptop's chart (1280 px screen) and an export keep 13 px; a 1920 px
        // meeting-room screen's chart (~1690 px wide) gets 16 px; nothing grows past that.
        for (width, px) in [(300, 13.0), (1230, 13.0), (960, 13.0), (1480, 14.0), (1690, 16.0), (4000, 16.0)] {
            assert_eq!(Theme::for_width(width).font_size, px, "{width} px wide");
        }
    }
}
