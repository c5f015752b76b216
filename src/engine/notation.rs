//! The words people write beside the numbers they type, taken off before the number is read:
//! what users type, not what the app says (the text layer holds that).

/// Before an amount: "人民币 30,000.00", "RMB 30000".
pub const CURRENCY_BEFORE: &[&str] = &["人民币", "RMB", "rmb", "CNY", "cny"];

/// After an amount, taken off in this order: "30,000.00元整", "30000圆".
pub const CURRENCY_AFTER: &[&str] = &["整", "元", "圆"];

/// After a number of calendar days: "15天", "15日".
pub const DAYS: &[&str] = &["天", "日"];

/// After a day of the month: "10日", "10号".
pub const DAY_OF_MONTH: &[&str] = &["日", "号"];

/// After a number of months: "12个月" ("12月" may be December, and is not read).
pub const MONTHS: &[&str] = &["个月"];

/// After a count of times: "2次", "2起".
pub const TIMES: &[&str] = &["次", "起"];

/// What a unit word left behind says is another unit: "15个工作日" is no number of calendar days.
pub const NOT_THE_UNIT: &[&str] = &["工作", "个"];

/// After a number of working days ("15个工作日"): no number of calendar days, refused as such.
pub const WORKING_DAYS: &[&str] = &["个工作日", "工作日"];

/// After a number in a months field that may name a month of the year ("12月"): refused as such.
pub const MONTH_OF_YEAR: &str = "月";
