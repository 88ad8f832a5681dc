//! Known classes of site chrome, recognised by vocabulary and shape.
//!
//! Vocabulary alone never removes prose: the word "share" or "photo" in a
//! reported sentence is content. A block goes only when
//!
//! - it holds a *strong* phrase of a class ("share on", "sign up",
//!   "we use cookies") and is short, and, if it is shaped like a sentence,
//!   it speaks to the reader ("consider helping us"); or
//! - it is short, not a sentence, and mostly made of the class's *weak*
//!   words ("Facebook Twitter Email").
//!
//! Shapes with no vocabulary: currency amounts with no words (a donation
//! widget), symbols with no words, captions ending in a photo credit.
//! Position-dependent cues (calls to action at the end, lines shared with
//! other articles) live with the article pass, which knows the regions.

use super::shape::{has_phrase, key, starts_with_phrase, Shape};
use super::RemovalReason;

/// Blocks longer than this are never removed for their vocabulary.
const CHROME_MAX_WORDS: usize = 25;

/// Cookie and captcha notices run longer than buttons.
const NOTICE_MAX_WORDS: usize = 70;

/// Weak-word blocks must be this short.
const WEAK_MAX_WORDS: usize = 12;

/// At least this share of a weak-word block's words must be class words.
const WEAK_MIN_SHARE: f32 = 0.5;

/// A one-word strong phrase removes a block of at most this many words
/// (unless the block speaks to the reader).
const SINGLE_WORD_MAX_WORDS: usize = 3;

/// A photo credit ends the caption within this many words.
const CREDIT_MAX_WORDS: usize = 8;

/// Captions are at most this long.
const CAPTION_MAX_WORDS: usize = 80;

/// A related-coverage header is at most this long.
const RELATED_HEADER_MAX_WORDS: usize = 6;

/// Advertisement labels are at most this long.
const AD_MAX_WORDS: usize = 6;

/// A navigation menu has at least this many items...
const MENU_MIN_ITEMS: usize = 3;

/// ...of at most this many words each.
const MENU_ITEM_MAX_WORDS: usize = 3;

/// A class of site chrome and the words that give it away. Phrases are in
/// [`key`] form: lowercase words separated by single spaces.
struct ChromeClass {
    reason: RemovalReason,
    /// What the class is, for the removal's detail.
    what: &'static str,
    /// Phrases that mark a short block as this chrome.
    strong: &'static [&'static str],
    /// Words that mark a short non-sentence made mostly of them.
    weak: &'static [&'static str],
    /// Whether a strong phrase removes a sentence that does not address
    /// the reader (a captcha notice is never reporting).
    always: bool,
    /// Longest block the strong phrases apply to.
    max_words: usize,
}

const CLASSES: &[ChromeClass] = &[
    ChromeClass {
        reason: RemovalReason::Boilerplate,
        what: "navigation link",
        strong: &[
            "skip to main content",
            "skip to content",
            "skip to navigation",
            "skip navigation",
            "skip to search",
            "jump to content",
            "jump to navigation",
            "back to top",
            "return to top",
            "main menu",
            "open menu",
            "close menu",
            "toggle navigation",
            "open navigation",
            "site navigation",
            "breadcrumb",
        ],
        weak: &[
            "skip",
            "jump",
            "main",
            "content",
            "navigation",
            "menu",
            "search",
            "top",
            "back",
            "home",
            "to",
            "close",
            "open",
            "toggle",
        ],
        always: false,
        max_words: CHROME_MAX_WORDS,
    },
    ChromeClass {
        reason: RemovalReason::Captcha,
        what: "captcha notice",
        strong: &[
            "captcha",
            "recaptcha",
            "hcaptcha",
            "i m not a robot",
            "verify you are human",
            "are you a robot",
            "not a robot",
        ],
        weak: &[],
        always: true,
        max_words: NOTICE_MAX_WORDS,
    },
    ChromeClass {
        reason: RemovalReason::Cookie,
        what: "cookie or privacy notice",
        strong: &[
            "we use cookies",
            "use of cookies",
            "this site uses cookies",
            "this website uses cookies",
            "accept cookies",
            "accept all cookies",
            "accept all",
            "cookie policy",
            "cookie settings",
            "cookie preferences",
            "manage cookies",
            "privacy preferences",
            "manage consent",
            "consent preferences",
        ],
        weak: &[
            "cookies",
            "cookie",
            "accept",
            "reject",
            "consent",
            "preferences",
            "settings",
            "privacy",
            "gdpr",
            "manage",
        ],
        always: true,
        max_words: NOTICE_MAX_WORDS,
    },
    ChromeClass {
        reason: RemovalReason::Donation,
        what: "donation appeal",
        strong: &[
            "donate",
            "donate now",
            "donation",
            "donations",
            "make a donation",
            "consider helping us",
            "consider supporting us",
            "consider supporting",
            "support us",
            "support our work",
            "support our journalism",
            "support independent journalism",
            "help us continue",
            "help keep",
            "become a patron",
            "patreon",
            "paypal",
            "make a contribution",
            "contribute now",
            "buy me a coffee",
            "buy us a coffee",
            "tip jar",
            "chip in",
        ],
        weak: &[
            "donate",
            "support",
            "contribute",
            "patreon",
            "paypal",
            "monthly",
            "once",
            "one",
            "time",
            "other",
            "amount",
        ],
        always: false,
        max_words: CHROME_MAX_WORDS,
    },
    ChromeClass {
        reason: RemovalReason::Share,
        what: "share buttons",
        strong: &[
            "share this",
            "share on",
            "share via",
            "share to",
            "share article",
            "share story",
            "share this article",
            "share this story",
            "click to share",
            "tweet this",
            "email this",
            "print this",
            "copy link",
            "copy the link",
            "share the story",
        ],
        weak: &[
            "share",
            "shares",
            "sharing",
            "tweet",
            "facebook",
            "twitter",
            "whatsapp",
            "linkedin",
            "pinterest",
            "reddit",
            "telegram",
            "email",
            "mail",
            "print",
            "messenger",
            "flipboard",
            "copy",
            "link",
            "x",
            "threads",
            "bluesky",
            "on",
            "via",
            "this",
        ],
        always: false,
        max_words: CHROME_MAX_WORDS,
    },
    ChromeClass {
        reason: RemovalReason::Image,
        what: "image prompt",
        strong: &[
            "full size image",
            "click to enlarge",
            "click to see",
            "tap to enlarge",
            "click image",
            "enlarge this image",
            "enlarge image",
            "view image",
            "view full image",
            "expand image",
            "image caption",
            "hide caption",
            "toggle caption",
            "view gallery",
            "photo gallery",
            "view slideshow",
            "photo credit",
            "image credit",
        ],
        weak: &[
            "image", "images", "photo", "photos", "picture", "gallery", "caption", "enlarge",
            "expand", "view", "click", "see", "full", "size", "to",
        ],
        always: false,
        max_words: CHROME_MAX_WORDS,
    },
    ChromeClass {
        reason: RemovalReason::Newsletter,
        what: "sign-up or comment prompt",
        strong: &[
            "newsletter",
            "newsletters",
            "subscribe",
            "subscribe now",
            "subscribers only",
            "subscription",
            "sign up",
            "signup",
            "sign in",
            "log in",
            "login",
            "create an account",
            "create a free account",
            "register now",
            "follow us",
            "join our",
            "join the conversation",
            "join the discussion",
            "leave a comment",
            "post a comment",
            "add a comment",
            "view comments",
            "show comments",
            "comments section",
            "comments are closed",
            "have your say",
            "get the latest",
            "to your inbox",
            "in your inbox",
            "enter your email",
            "email address",
            "already a subscriber",
            "become a member",
            "membership",
        ],
        weak: &[
            "subscribe",
            "newsletter",
            "sign",
            "up",
            "login",
            "register",
            "follow",
            "us",
            "comments",
            "comment",
            "join",
            "inbox",
            "email",
            "now",
        ],
        always: false,
        max_words: CHROME_MAX_WORDS,
    },
];

/// Blocks made only of these words are advertisement markers.
const AD_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advertisement",
    "advertising",
    "advert",
    "sponsored",
    "sponsor",
    "content",
    "promoted",
    "paid",
    "partner",
    "post",
    "story",
    "article",
    "continues",
    "continue",
    "reading",
    "below",
    "scroll",
    "to",
    "with",
    "feedback",
    "by",
];

/// Words that must occur for [`AD_WORDS`] to make an advertisement marker.
const AD_CORE: &[&str] = &[
    "ad",
    "ads",
    "advertisement",
    "advertising",
    "advert",
    "sponsored",
    "promoted",
    "paid",
    "continues",
    "continue",
    "scroll",
];

/// Headers that open a block of teasers for other stories.
const RELATED_HEADERS: &[&str] = &[
    "related",
    "related coverage",
    "related articles",
    "related article",
    "related stories",
    "related story",
    "related content",
    "related news",
    "related posts",
    "related topics",
    "read more",
    "read also",
    "also read",
    "see also",
    "more on this",
    "more on this story",
    "more on this topic",
    "more stories",
    "more news",
    "more from",
    "recommended",
    "recommended for you",
    "recommended stories",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "you might be interested in",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "top stories",
    "editor s picks",
    "don t miss",
    "further reading",
    "latest news",
    "more in",
    "what to read next",
    "up next",
];

/// Labels that put one other story's headline after a colon.
const INLINE_TEASERS: &[&str] =
    &["read more", "read also", "also read", "see also", "related", "recommended", "more"];

/// Enough of a block's start to hold an inline teaser label.
const INLINE_TEASER_HEAD_BYTES: usize = 24;

/// Markers of a photo credit at the end of a caption.
const CREDIT_MARKERS: &[&str] = &[
    "photo:",
    "photos:",
    "photograph:",
    "image:",
    "picture:",
    "credit:",
    "photo credit",
    "photo by",
    "photograph by",
    "picture by",
    "image by",
    "(photo",
    "(ap photo",
    "getty images",
    "afp photo",
    "ap photo",
    "shutterstock",
];

/// What the block-level pass decided about one block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Chrome {
    /// Site chrome, with its reason and the cue that fired.
    Removed(RemovalReason, String),
    /// A header that opens teasers for other stories ("Related coverage").
    RelatedHeader(String),
}

/// Classifies one block by vocabulary and shape alone.
pub(crate) fn classify(text: &str, shape: &Shape) -> Option<Chrome> {
    if !shape.has_letters() {
        return Some(Chrome::Removed(no_words(text), no_words_detail(text)));
    }
    if shape.words > NOTICE_MAX_WORDS {
        return None;
    }
    let k = key(text);
    if let Some(found) = related(text, &k, shape) {
        return Some(found);
    }
    if let Some(detail) = advertisement(&k, shape) {
        return Some(Chrome::Removed(RemovalReason::Advertisement, detail));
    }
    if let Some(detail) = menu(text, shape) {
        return Some(Chrome::Removed(RemovalReason::Boilerplate, detail));
    }
    if let Some(detail) = copyright(text, &k, shape) {
        return Some(Chrome::Removed(RemovalReason::Boilerplate, detail));
    }
    for class in CLASSES {
        if let Some(detail) = class_match(class, &k, shape) {
            return Some(Chrome::Removed(class.reason, detail));
        }
    }
    if let Some(detail) = caption(text, shape) {
        return Some(Chrome::Removed(RemovalReason::Image, detail));
    }
    None
}

/// Currency amounts with no words are a donation widget's buttons; other
/// wordless blocks are stray symbols.
fn no_words(text: &str) -> RemovalReason {
    if has_currency(text) && text.chars().any(|c| c.is_ascii_digit()) {
        RemovalReason::Donation
    } else {
        RemovalReason::Noise
    }
}

fn no_words_detail(text: &str) -> String {
    match no_words(text) {
        RemovalReason::Donation => "currency amounts with no words (a donation widget)".to_string(),
        _ => "symbols or numbers with no words".to_string(),
    }
}

fn has_currency(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '$' | '€' | '£' | '¥' | '₪' | '₹' | '₽' | '¢' | '₺' | '₩'))
}

fn class_match(class: &ChromeClass, k: &str, shape: &Shape) -> Option<String> {
    if shape.words <= class.max_words {
        if let Some(phrase) = class.strong.iter().find(|p| has_phrase(k, p)) {
            // One word ("donation") is evidence only in a tiny block or one
            // that speaks to the reader; a headline may use it.
            let single = !phrase.contains(' ');
            let plausible =
                if single { shape.words <= SINGLE_WORD_MAX_WORDS } else { !shape.is_sentence() };
            if plausible || class.always || (shape.addresses_reader && !shape.quoted) {
                return Some(format!("{} (\"{phrase}\")", class.what));
            }
        }
    }
    if shape.words <= WEAK_MAX_WORDS && !shape.is_sentence() && !class.weak.is_empty() {
        let words: Vec<&str> = k.split(' ').collect();
        let hits = words.iter().filter(|w| class.weak.contains(w)).count();
        // A majority of class words, and at least one that is not a
        // filler such as "on" or "to".
        let distinctive = words.iter().any(|w| class.weak.contains(w) && w.len() > 3);
        if distinctive
            && hits as f32 >= words.len() as f32 * WEAK_MIN_SHARE
            && hits * 2 > words.len()
        {
            return Some(format!("{}: a short line made mostly of such words", class.what));
        }
    }
    None
}

/// "Related coverage", "Read more", or an inline teaser "Read more: …".
fn related(text: &str, k: &str, shape: &Shape) -> Option<Chrome> {
    let header =
        RELATED_HEADERS.iter().find(|h| **h == k || (h.len() > 8 && starts_with_phrase(k, h)));
    if let Some(h) = header {
        if shape.words <= RELATED_HEADER_MAX_WORDS && !shape.ends_sentence() {
            return Some(Chrome::RelatedHeader(format!(
                "header of teasers for other stories (\"{h}\")"
            )));
        }
    }
    // "Read more: Storm batters the coast" links one other story.
    let head = text.trim_start().get(..INLINE_TEASER_HEAD_BYTES.min(text.trim_start().len()));
    let head = head.map(str::to_ascii_lowercase).unwrap_or_default();
    let inline = INLINE_TEASERS
        .iter()
        .find(|p| head.starts_with(*p) && head[p.len()..].trim_start().starts_with(':'));
    match inline {
        Some(p) if shape.words <= CHROME_MAX_WORDS => Some(Chrome::Removed(
            RemovalReason::Related,
            format!("link to another story (\"{p}:\")"),
        )),
        _ => None,
    }
}

fn advertisement(k: &str, shape: &Shape) -> Option<String> {
    if shape.words > AD_MAX_WORDS {
        return None;
    }
    let words: Vec<&str> = k.split(' ').collect();
    let all_ad = words.iter().all(|w| AD_WORDS.contains(w));
    let core = words.iter().any(|w| AD_CORE.contains(w));
    (all_ad && core).then(|| "advertisement marker".to_string())
}

/// A navigation menu: "Home | World | Politics | Opinion".
fn menu(text: &str, shape: &Shape) -> Option<String> {
    if shape.words > CHROME_MAX_WORDS || shape.is_sentence() {
        return None;
    }
    let items: Vec<&str> = text.split(['|', '•', '·', '»']).map(str::trim).collect();
    let short = items.iter().all(|item| item.split_whitespace().count() <= MENU_ITEM_MAX_WORDS);
    (items.len() >= MENU_MIN_ITEMS && short).then(|| format!("menu of {} short links", items.len()))
}

/// "© 2021 Daily Planet. All rights reserved."
fn copyright(text: &str, k: &str, shape: &Shape) -> Option<String> {
    let marked = text.contains('©')
        || starts_with_phrase(k, "copyright")
        || has_phrase(k, "all rights reserved");
    (marked && shape.words <= CHROME_MAX_WORDS).then(|| "copyright notice".to_string())
}

/// A caption that ends in a photo credit: "… Dec. 31, 2019. Photo: Agency
/// / Name." A labelled credit ("Photo:", "Photo by") must name someone
/// (start with a capital); an agency mark ("AP Photo", "Getty Images") may
/// be followed by anything short.
fn caption(text: &str, shape: &Shape) -> Option<String> {
    if shape.words > CAPTION_MAX_WORDS {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    for marker in CREDIT_MARKERS {
        let Some(at) = lower.rfind(marker) else { continue };
        let after = &text[at + marker.len()..];
        if after.starts_with(|c: char| c.is_alphanumeric()) {
            continue; // "(photographs" is not "(photo"
        }
        let credit = after.trim_start_matches(|c: char| c.is_whitespace() || c == ':');
        if credit.split_whitespace().count() > CREDIT_MAX_WORDS {
            continue;
        }
        let labelled =
            marker.ends_with(':') || marker.ends_with(" by") || *marker == "photo credit";
        if !labelled || credit.starts_with(char::is_uppercase) {
            let shown = marker.trim_start_matches('(').trim_end_matches(':');
            return Some(format!("caption ending in a photo credit (\"{shown}\")"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(text: &str) -> Option<RemovalReason> {
        match classify(text, &Shape::of(text)) {
            Some(Chrome::Removed(r, _)) => Some(r),
            Some(Chrome::RelatedHeader(_)) => Some(RemovalReason::Related),
            None => None,
        }
    }

    #[test]
    fn class_phrases_are_in_key_form() {
        for class in CLASSES {
            for p in class.strong.iter().chain(class.weak) {
                assert_eq!(key(p), *p);
            }
        }
        for p in RELATED_HEADERS.iter().chain(AD_WORDS) {
            assert_eq!(key(p), *p);
        }
    }

    #[test]
    fn currency_amounts_are_a_donation_widget() {
        assert_eq!(reason("2,500 $"), Some(RemovalReason::Donation));
        assert_eq!(reason("* * *"), Some(RemovalReason::Noise));
    }

    #[test]
    fn button_rows_and_appeals_are_chrome() {
        assert_eq!(
            reason("Share this Story: Share On Facebook Share On Twitter"),
            Some(RemovalReason::Share)
        );
        assert_eq!(reason("Facebook Twitter WhatsApp Email"), Some(RemovalReason::Share));
        assert_eq!(reason("Enjoyed this? Please support us!"), Some(RemovalReason::Donation));
        assert_eq!(reason("Sign up for our morning newsletter"), Some(RemovalReason::Newsletter));
        assert_eq!(reason("ADVERTISEMENT"), Some(RemovalReason::Advertisement));
        assert_eq!(
            reason("Story continues below advertisement"),
            Some(RemovalReason::Advertisement)
        );
        assert_eq!(
            reason("We use cookies to give you the best experience. Accept all"),
            Some(RemovalReason::Cookie)
        );
        assert_eq!(
            reason("Please verify you are human by completing the captcha."),
            Some(RemovalReason::Captcha)
        );
        assert_eq!(reason("Tap to enlarge image"), Some(RemovalReason::Image));
        assert_eq!(
            reason("© 2021 Daily Planet. All rights reserved."),
            Some(RemovalReason::Boilerplate)
        );
    }

    #[test]
    fn reporting_that_uses_chrome_words_is_content() {
        assert_eq!(reason("Many share this view."), None);
        assert_eq!(reason("He later tweeted again:"), None);
        assert_eq!(
            reason("The charity said it would donate the money to victims of the flood."),
            None
        );
        assert_eq!(
            reason("The photo was shared on Facebook thousands of times, officials said."),
            None
        );
        assert_eq!(reason("“They will support us,” he said."), None);
        assert_eq!(reason("Trump's comments spark outrage in Tehran"), None);
        assert_eq!(
            reason("Subscribers to the service lost access on Monday, the company said."),
            None
        );
    }

    #[test]
    fn related_headers_and_inline_teasers_are_related() {
        assert!(matches!(
            classify("Related coverage", &Shape::of("Related coverage")),
            Some(Chrome::RelatedHeader(_))
        ));
        assert_eq!(
            reason("Read more: Floods close the coastal road"),
            Some(RemovalReason::Related)
        );
        assert_eq!(reason("Read more about the talks in our earlier report."), None);
    }

    #[test]
    fn captions_ending_in_a_credit_are_image_chrome() {
        let caption = "A man waves a flag outside the gate on Tuesday. Photo: Agency / Jane Roe.";
        assert_eq!(reason(caption), Some(RemovalReason::Image));
        assert_eq!(
            reason("Firefighters at the scene. (AP Photo/John Doe)"),
            Some(RemovalReason::Image)
        );
        assert_eq!(reason("He showed a photo: a burning gate and a crowd of men."), None);
    }
}
