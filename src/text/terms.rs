//! The name of each choice a contract makes (the enums of [`crate::engine::scenario`] and the
//! holiday calendar), as the form's options say it. Every variant has one, so any view that names
//! a term uses these.

use crate::engine::calendar::Calendar;
use crate::engine::scenario::{
    CapBase, Cycle, DayCount, DayType, LprFixing, LprTerm, PartialCycle, PartialPeriod, Rounding,
    TerminationReason,
};
use crate::text::Text;

/// the billing cycle.
pub const fn cycle(c: Cycle) -> Text {
    match c {
        Cycle::Monthly => Text("按月", "Monthly"),
        Cycle::Quarterly => Text("按季度", "Quarterly"),
        Cycle::Yearly => Text("按年", "Yearly"),
    }
}

/// What a per-cycle amount is per, in a sentence: 每月 / a month.
pub const fn per_cycle(c: Cycle) -> Text {
    match c {
        Cycle::Monthly => Text("每月", "a month"),
        Cycle::Quarterly => Text("每季度", "a quarter"),
        Cycle::Yearly => Text("每年", "a year"),
    }
}

/// how a cycle only partly in the term is billed.
pub const fn partial_cycle(p: PartialCycle) -> Text {
    match p {
        PartialCycle::ByDays => Text("按天折算", "Prorated by days"),
        PartialCycle::Full => Text("按整期计", "Billed in full"),
    }
}

/// the days a payment term counts.
pub const fn day_type(d: DayType) -> Text {
    match d {
        DayType::Calendar => Text("自然日", "Calendar days"),
        DayType::Working => Text("工作日", "Working days"),
    }
}

/// the rest days a deadline moves past.
pub const fn calendar(c: Calendar) -> Text {
    match c {
        Calendar::Cn => Text("中国法定节假日", "China's holidays"),
        Calendar::Weekends => Text("仅周末休息", "Weekends only"),
        Calendar::None => Text("不顺延", "No rest days"),
    }
}

/// a period the rate is per, only partly late.
pub const fn partial_period(p: PartialPeriod) -> Text {
    match p {
        PartialPeriod::ProRata => Text("按比例", "Pro rata"),
        PartialPeriod::Full => Text("按整期", "Whole periods"),
    }
}

/// which days of lateness count.
pub const fn day_count(d: DayCount) -> Text {
    match d {
        DayCount::Standard => Text("到期次日起至付款日", "Day after due to payment day"),
        DayCount::ExcludeEnd => Text("至付款前一日（不含付款日）", "To the day before payment"),
        DayCount::IncludeDueDate => Text("含到期日当日", "Including the due date"),
    }
}

/// where the penalty is rounded to the fen.
pub const fn rounding(r: Rounding) -> Text {
    match r {
        Rounding::PerCycle => Text("每期一次", "Once per cycle"),
        Rounding::PerSegment => Text("逐段", "Each line"),
    }
}

/// what the penalty cap is a share of.
pub const fn cap_base(c: CapBase) -> Text {
    match c {
        CapBase::Cycle => Text("该期费用（每期）", "Each cycle's fee"),
        CapBase::ContractTotal => Text("合同总金额（累计）", "The contract total (in all)"),
        CapBase::Overdue => Text("逾期付款总额（累计）", "The overdue amount (in all)"),
    }
}

/// the day whose LPR an LPR-based rate takes; a fixing on a given date is named without
/// the date (the form offers only the named days).
pub const fn lpr_fixing(f: LprFixing) -> Text {
    match f {
        LprFixing::DueDate => Text("到期日", "The due date"),
        LprFixing::FirstDayLate => Text("逾期首日", "The first day late"),
        LprFixing::ContractStart => Text("合同开始日", "Contract start"),
        LprFixing::On(_) => Text("指定日期", "A given date"),
        LprFixing::Floating => Text("同期（浮动）", "Floating (同期)"),
    }
}

/// which LPR series.
pub const fn lpr_term(t: LprTerm) -> Text {
    match t {
        LprTerm::OneYear => Text("一年期", "One-year"),
        LprTerm::FiveYear => Text("五年期以上", "Five-year"),
    }
}

/// why the contract ended early.
pub const fn termination_reason(r: TerminationReason) -> Text {
    match r {
        TerminationReason::Mutual => Text("协商一致", "Mutual agreement"),
        TerminationReason::ForceMajeure => Text("不可抗力", "Force majeure"),
        TerminationReason::ClientBreach => Text("甲方违约", "Client's breach"),
        TerminationReason::SupplierBreach => Text("乙方违约", "Supplier's breach"),
        TerminationReason::Subcontracting => Text("乙方擅自转包", "Supplier subcontracted"),
    }
}
