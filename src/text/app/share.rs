//! Share links: the panel with the link and its QR code, and the banners of a scenario opened
//! from a link.

use crate::engine::money::group_thousands;
use crate::text::{Lang, Text};

pub const COPY_LINK: Text = Text("复制链接", "Copy link");
pub const SHARE_LINK: Text = Text("分享链接", "Share link");
pub const CLOSE: Text = Text("关闭", "Close");
/// A link made while a field is wrong: it carries the last valid input, not what is typed.
pub const LINK_OF_LAST_VALID: Text = Text(
    "表单中有输入需要修改：此链接按最后一次有效的输入生成，与正在输入的内容不同。",
    "A field needs fixing: this link carries the last valid input, not what is being typed.",
);
pub const LINK_COPIED: Text = Text(
    "链接已复制。对方打开即可看到同样的方案与结果；数据只在链接里，不经过任何服务器。",
    "Link copied. Whoever opens it sees the same scenario and figures; the data is in the link only, no server involved.",
);
pub const COPY_REFUSED: Text = Text(
    "浏览器不允许自动复制，请手动复制下面的链接。",
    "The browser refused to copy; copy the link below by hand.",
);
/// The browser could not make the link (its compression failed, or the fallback module for a
/// browser without one could not be loaded, offline).
pub const LINK_NOT_MADE: Text = Text(
    "浏览器未能生成链接，请稍后再试或更新浏览器。",
    "The browser could not make the link; try again later or update the browser.",
);
/// A link this browser could not read just now: it needs the links module (no
/// `DecompressionStream`), which could not be loaded.
pub const LINK_UNAVAILABLE: Text = Text(
    "此浏览器暂时无法读取分享链接（需要加载一个小组件，可能因为离线）。联网后刷新页面即可重试；链接仍保留在地址栏中。",
    "This browser could not read the share link just now (it needs a small component, perhaps offline). Reload the page when online to try again; the link stays in the address bar.",
);
/// The QR code could not be drawn just now: its small module (loaded the first time a link is
/// shared, then kept for offline use) could not be loaded, perhaps offline.
pub const QR_UNAVAILABLE: Text = Text(
    "二维码暂时无法生成（首次使用需联网加载一个小组件），链接可照常复制。",
    "The QR code cannot be drawn just now (the first time, it needs the network to load a small component); the link can be copied as usual.",
);
/// A scenario from a link, when this device has a stored one too.
pub const FROM_LINK_STORED_UNTOUCHED: Text = Text(
    "这是通过分享链接打开的方案，尚未保存；您本机保存的方案不会被覆盖。",
    "This scenario was opened from a share link and is not saved; your stored scenario is untouched.",
);
pub const FROM_LINK_NOT_SAVED: Text = Text(
    "这是通过分享链接打开的方案，尚未保存。",
    "This scenario was opened from a share link and is not saved yet.",
);

/// A link whose scenario cannot be read: why (`error`, a message ending in a full stop), that it
/// may have been cut short (chat apps truncate long links), and what is shown instead: the
/// device's own scenario, or, on a first visit, the sample, said to be one (`own`), so that its
/// figures are not read as the sender's contract.
pub fn link_unreadable(error: &str, own: bool, lang: Lang) -> String {
    let (zh, en) = if own {
        ("已显示您本机的方案。", "Showing your own scenario.")
    } else {
        (
            "下面是示例方案，不是对方发来的合同。",
            "Below is the sample scenario, not the sender's contract.",
        )
    };
    match lang {
        Lang::Zh => format!(
            "链接中的方案无法打开：{}。链接可能不完整（聊天软件有时会截断长链接），请让对方重新发送，或发送导出的文件。{zh}",
            error.trim_end_matches('。')
        ),
        Lang::En => format!(
            "The scenario in this link cannot be opened: {}. The link may be cut short (chat apps sometimes truncate long links): ask the sender to send it again, or to send the exported file. {en}",
            error.trim_end_matches('.')
        ),
    }
}

/// A link longer than any reader opens: what to do instead.
pub fn link_too_long(chars: usize, max: usize, lang: Lang) -> String {
    let (chars, max) = (
        group_thousands(&chars.to_string()),
        group_thousands(&max.to_string()),
    );
    match lang {
        Lang::Zh => format!(
            "方案太大，无法放进链接：链接将有 {chars} 个字符，超过可打开的 {max} 个。请用“导出”把方案文件发给对方。"
        ),
        Lang::En => format!(
            "The scenario is too large for a link: it would have {chars} characters, more than the {max} a link may have. Send it as a file with Export."
        ),
    }
}

pub fn link_length(chars: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("链接长度 {chars} 字符"),
        Lang::En => format!("{chars} characters"),
    }
}
