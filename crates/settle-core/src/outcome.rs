//! How a call ends: the outcome kinds, the agreed terms and the right next step.
//!
//! These are shared by persona endings, the trainee's wrap-up and reports, so that a
//! wrap-up can be compared field by field with what was really agreed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::money::Money;

/// The result code a collector records for a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Outcome {
    PaidInFull,
    PaymentPlan,
    PromiseToPay,
    PartialPayment,
    Dispute,
    Refused,
    EscalatedToLegal,
    WrongParty,
    DebtorHungUp,
    /// The debtor agreed to a call-back at a set day (recorded in the terms).
    CallBackAgreed,
    /// The collector never reached the debtor (a gatekeeper, no answer).
    RightPartyNotReached,
    /// The debtor has died; the estate owes.
    EstateDeceased,
}

impl Outcome {
    pub const ALL: [Outcome; 12] = [
        Outcome::PaidInFull,
        Outcome::PaymentPlan,
        Outcome::PromiseToPay,
        Outcome::PartialPayment,
        Outcome::Dispute,
        Outcome::Refused,
        Outcome::EscalatedToLegal,
        Outcome::WrongParty,
        Outcome::DebtorHungUp,
        Outcome::CallBackAgreed,
        Outcome::RightPartyNotReached,
        Outcome::EstateDeceased,
    ];

    /// The name used in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Outcome::PaidInFull => "PaidInFull",
            Outcome::PaymentPlan => "PaymentPlan",
            Outcome::PromiseToPay => "PromiseToPay",
            Outcome::PartialPayment => "PartialPayment",
            Outcome::Dispute => "Dispute",
            Outcome::Refused => "Refused",
            Outcome::EscalatedToLegal => "EscalatedToLegal",
            Outcome::WrongParty => "WrongParty",
            Outcome::DebtorHungUp => "DebtorHungUp",
            Outcome::CallBackAgreed => "CallBackAgreed",
            Outcome::RightPartyNotReached => "RightPartyNotReached",
            Outcome::EstateDeceased => "EstateDeceased",
        }
    }

    pub fn from_key(key: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.key().eq_ignore_ascii_case(key))
    }
}

/// What the collector should do after the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NextStep {
    /// E-mail a written confirmation of what was agreed, the same day.
    SendConfirmation,
    /// Send the instalment agreement (with acknowledgment of the debt) for signature.
    SendAgreement,
    /// Check the incoming payment on the promised date.
    MonitorPayment,
    /// Call back at the agreed day and hour.
    ScheduleCallBack,
    /// Resend the invoice or documents the debtor asked for.
    ResendDocuments,
    /// Look into a complaint through the complaint procedure.
    ReviewDispute,
    /// Send the final pre-litigation demand.
    FinalDemand,
    /// Hand the case over to the legal department.
    HandToLegal,
    /// Refer the debtor to free debt advice and pause collection.
    ReferToDebtAdvice,
    /// Find the right contact; nothing was discussed.
    TraceContact,
}

impl NextStep {
    pub const ALL: [NextStep; 10] = [
        NextStep::SendConfirmation,
        NextStep::SendAgreement,
        NextStep::MonitorPayment,
        NextStep::ScheduleCallBack,
        NextStep::ResendDocuments,
        NextStep::ReviewDispute,
        NextStep::FinalDemand,
        NextStep::HandToLegal,
        NextStep::ReferToDebtAdvice,
        NextStep::TraceContact,
    ];

    pub fn key(self) -> &'static str {
        match self {
            NextStep::SendConfirmation => "SendConfirmation",
            NextStep::SendAgreement => "SendAgreement",
            NextStep::MonitorPayment => "MonitorPayment",
            NextStep::ScheduleCallBack => "ScheduleCallBack",
            NextStep::ResendDocuments => "ResendDocuments",
            NextStep::ReviewDispute => "ReviewDispute",
            NextStep::FinalDemand => "FinalDemand",
            NextStep::HandToLegal => "HandToLegal",
            NextStep::ReferToDebtAdvice => "ReferToDebtAdvice",
            NextStep::TraceContact => "TraceContact",
        }
    }

    pub fn from_key(key: &str) -> Option<NextStep> {
        NextStep::ALL.into_iter().find(|s| s.key().eq_ignore_ascii_case(key))
    }
}

/// Agreed terms: the amount, and for a plan the number of instalments and the first due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    /// The agreed amount; zero (or not written) where no money was agreed, as for a call-back.
    #[serde(default)]
    pub amount: Money,
    #[serde(default)]
    pub instalments: Option<u32>,
    #[serde(default)]
    pub first_due: Option<NaiveDate>,
    /// The agreed call-back day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_back: Option<NaiveDate>,
}
