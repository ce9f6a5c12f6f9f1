//! The case file a collector prepares before the call: debtor, invoices, payments, contacts,
//! documents, relationship and mandate.
//!
//! It is plain data, shown on the briefing screen and beside the call; some debtor claims can
//! only be answered from it. The same type is read from persona files and shown as is.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::money::Money;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    /// The day the call takes place; every other date is read against it.
    pub call_date: NaiveDate,
    pub debtor: Debtor,
    pub amount: Money,
    pub currency: String,
    #[serde(default)]
    pub invoices: Vec<Invoice>,
    #[serde(default)]
    pub payments: Vec<Payment>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub documents: Vec<Document>,
    pub relationship: String,
    /// What the collector may agree to: best outcome, minimum, instalments, waivers.
    pub mandate: String,
    /// The call's goal as the team leader set it.
    pub goal: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Debtor {
    pub company: String,
    pub legal_form: String,
    #[serde(default)]
    pub tax_id: Option<String>,
    #[serde(default)]
    pub register_no: Option<String>,
    pub contact: String,
    pub role: String,
    pub phone: String,
    #[serde(default)]
    pub preferred_hours: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invoice {
    pub number: String,
    pub issued: NaiveDate,
    pub due: NaiveDate,
    pub amount: Money,
    pub paid: bool,
}

impl Invoice {
    /// Days past the due date on `today`; zero when not yet due or paid.
    pub fn days_overdue(&self, today: NaiveDate) -> i64 {
        if self.paid { 0 } else { (today - self.due).num_days().max(0) }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payment {
    pub date: NaiveDate,
    pub amount: Money,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Channel {
    Phone,
    Email,
    Letter,
    Sms,
    Visit,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub date: NaiveDate,
    pub channel: Channel,
    /// Who spoke for the creditor and for the debtor.
    pub who: String,
    pub summary: String,
    /// For a promise made in the contact: whether it was kept.
    #[serde(default)]
    pub promise_kept: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub title: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    pub summary: String,
}
