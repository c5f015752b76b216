//! The supplier's and the client's breaches (subcontracting, incidents, substandard service,
//! confidentiality, losses) and the termination settlement.

use crate::text::Text;

/// The label of the loss the add button adds.
pub const CUSTOMER_CLAIM: Text = Text("客户索赔", "Customer claim");
pub const ADD_LOSS: Text = Text(
    "+ 添加损失（客户索赔、赔偿、诉讼费…）",
    "+ Add a loss (claims, damages, legal costs…)",
);
pub const SUPPLIER_BREACHES: Text = Text("乙方（服务商）违约", "Supplier's breaches");
pub const SUPPLIER_BREACHES_CLAUSE: Text = Text("擅自转包、服务事故、服务不达标、泄密及造成的损失，由乙方承担。", "Subcontracting, incidents, substandard service, confidentiality and losses are the supplier's to bear.");
pub const SUBCONTRACTING_CLAUSE: Text = Text("擅自转包条款", "Subcontracting clause");
pub const SUBCONTRACTING_PENALTY: Text = Text("转包违约金", "Penalty");
pub const SUBCONTRACTING_PENALTY_HINT: Text =
    Text("合同总金额的百分比", "Share of the contract total");
pub const SUBCONTRACTING_OCCURRED: Text = Text("转包发生日期", "Occurred on");
pub const SUBCONTRACTING_OCCURRED_HINT: Text = Text(
    "留空 = 尚未发生（显示潜在风险）",
    "Empty = not happened (shows the exposure)",
);
pub const PLUS_REFUND_ALL_FEES: Text = Text("并退还已付全部费用", "Plus refund of all fees paid");
pub const PER_INCIDENT_PENALTY: Text = Text("服务事故按次扣款", "Per-incident penalty");
pub const INCIDENTS: Text = Text("事故次数", "Incidents");
pub const PER_INCIDENT: Text = Text("每次扣款", "Per incident");
pub const SUBSTANDARD_SERVICE_PENALTY: Text =
    Text("不合格服务按价值比例扣款", "Substandard service penalty");
pub const VALUE_SUBSTANDARD_SERVICE: Text = Text("不合格服务价值", "Value of substandard service");
pub const PENALTY_SHARE: Text = Text("扣款比例", "Penalty share");
pub const PENALTY_SHARE_HINT: Text = Text("如 10%", "e.g. 10%");
pub const SUPPLIER_CONFIDENTIALITY_PENALTY: Text =
    Text("乙方泄密违约金", "Supplier confidentiality penalty");
pub const SUPPLIER_CONFIDENTIALITY_PENALTY_HINT: Text = Text("留空 = 无", "Empty = none");
pub const LOSSES: Text = Text("损失", "Losses");
pub const LOSS: Text = Text("损失项目", "Loss");
pub const LOSS_AMOUNT: Text = Text("金额", "Amount");
pub const REMOVE_LOSS: Text = Text("删除此项损失", "Remove this loss");
pub const CLIENT_BREACHES: Text = Text("甲方（客户）违约", "Client's breaches");
pub const CLIENT_BREACHES_CLAUSE: Text = Text(
    "甲方泄露乙方商业秘密等应支付的违约金。",
    "What the client owes for breaching confidentiality.",
);
pub const CLIENT_CONFIDENTIALITY_PENALTY: Text =
    Text("甲方泄密违约金", "Client confidentiality penalty");
pub const TERMINATION_SETTLEMENT: Text = Text("提前终止与结算", "Termination and settlement");
pub const TERMINATION_SETTLEMENT_CLAUSE: Text = Text("合同解除后，结算至终止日已发生的费用，扣除已付款项与各项违约金、损失（民法典第566条）。", "After termination, fees earned to the last day are settled against payments, penalties and losses (Civil Code Art. 566).");
pub const SETTLE_EARLY_TERMINATION: Text = Text("计算提前终止结算", "Settle an early termination");
pub const TERMINATION_DATE: Text = Text("服务终止日", "Termination date (last day of service)");
pub const TERMINATION_DATE_HINT: Text = Text("在合同期限之内", "Within the term");
pub const REASON: Text = Text("终止原因", "Reason");
pub const REASON_HINT: Text = Text(
    "决定由哪一方承担解除违约金",
    "Decides who bears the termination penalty",
);
pub const BREACH_PENALTY: Text = Text("违约方违约金", "Breach penalty");
pub const BREACH_PENALTY_HINT: Text = Text(
    "合同总金额的百分比；留空 = 0",
    "Share of the contract total; empty = 0",
);
pub const SETTLE_WITHIN: Text = Text("结算期限", "Settle within");
pub const SETTLE_WITHIN_HINT: Text = Text(
    "终止日后N日内结清，遇节假日顺延",
    "Days after the last day; moved off rest days",
);
