//! The page around the form and the results: title, header, language toggle, footer.

use crate::text::Text;

pub const SKIP_TO_RESULTS: Text = Text("跳到计算结果", "Skip to the figures");
/// The browser tab's title.
pub const DOCUMENT_TITLE: Text = Text(
    "售后服务外包合同计算器",
    "Service outsourcing contract calculator",
);
pub const HEADING: Text = Text(
    "售后服务外包合同计算器",
    "Service Outsourcing Contract Calculator",
);
pub const TAGLINE: Text = Text("费用 · 逾期付款违约金 · 转包 · 解除结算 —— 全部在您的浏览器中计算，数据不离开本机", "Fees · late-payment penalties · subcontracting · termination — computed in your browser; nothing leaves this device");
pub const ACTIONS: Text = Text("操作", "Actions");
pub const CALCULATOR: Text = Text("计算", "Calculator");
pub const COMPARE: Text = Text("方案对比", "Compare");
pub const SWITCH_LANGUAGE: Text = Text("切换到英文", "Switch to Chinese");
/// The language toggle names the language it switches to.
pub const OTHER_LANGUAGE: Text = Text("EN", "中文");
pub const CONTRACT_TERMS: Text = Text("合同条款", "Contract terms");
pub const RESULTS: Text = Text("计算结果", "Results");
pub const RULES_AND_SOURCES: Text = Text("计算依据：《民法典》第201–203条（期间计算）、第560条（清偿抵充）、第585条（违约金）、第566–567条（解除后结算）；节假日数据为国务院历年放假安排（2010–2026，之后按放假办法推算），LPR 为全国银行间同业拆借中心公布的报价（可在表单中补充）。结果供谈判与核对参考，不构成法律意见。", "Rules: Civil Code Arts. 201–203 (periods), 560 (allocation of payments), 585 (penalties), 566–567 (settlement after termination); holidays from the State Council notices (2010–2026; later years by the holiday rules), the LPR as published by the National Interbank Funding Center (you can add fixings in the form). Figures support negotiation and checking; they are not legal advice.");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_static_page_says_what_the_app_then_says() {
        // index.html shows the header before the wasm runs (README "First figures"): its words
        // are these, in both languages, so the page does not change as the app takes over.
        let html = include_str!("../../../index.html");
        for (text, tag) in [(HEADING, "h1"), (TAGLINE, "p class=\"tagline\"")] {
            let Text(zh, en) = text;
            let shell = format!("<{tag} data-en=\"{en}\">{zh}</");
            assert!(html.contains(&shell), "index.html lacks {shell}");
        }
        let Text(title, _) = DOCUMENT_TITLE;
        assert!(html.contains(&format!("<title>{title}</title>")));
    }
}
