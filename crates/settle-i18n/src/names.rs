//! The names of the core's enums as a person reads them, from the Fluent files. Each arm
//! names its message id literally, so the key tests can see every id the code asks for.

use std::borrow::Cow;

use crate::Lang;
use settle_core::call::Mode;
use settle_core::case_file::Channel;
use settle_core::outcome::{NextStep, Outcome};
use settle_core::scoring::{FailReason, StepState};
use settle_core::style::ConflictStyle;
use settle_core::vocabulary::{Archetype, Expression, Ploy, PloyHandling, Severity, ViolationKind};
use settle_core::wrapup::WrapUpField;

impl Lang {
    pub fn outcome(self, o: Outcome) -> &'static str {
        match o {
            Outcome::PaidInFull => self.tr("outcome-paid-in-full"),
            Outcome::PaymentPlan => self.tr("outcome-payment-plan"),
            Outcome::PromiseToPay => self.tr("outcome-promise-to-pay"),
            Outcome::PartialPayment => self.tr("outcome-partial-payment"),
            Outcome::Dispute => self.tr("outcome-dispute"),
            Outcome::Refused => self.tr("outcome-refused"),
            Outcome::EscalatedToLegal => self.tr("outcome-escalated-to-legal"),
            Outcome::WrongParty => self.tr("outcome-wrong-party"),
            Outcome::DebtorHungUp => self.tr("outcome-debtor-hung-up"),
            Outcome::CallBackAgreed => self.tr("outcome-call-back-agreed"),
            Outcome::RightPartyNotReached => self.tr("outcome-right-party-not-reached"),
            Outcome::EstateDeceased => self.tr("outcome-estate-deceased"),
        }
    }

    pub fn next_step(self, s: NextStep) -> &'static str {
        match s {
            NextStep::SendConfirmation => self.tr("next-step-send-confirmation"),
            NextStep::SendAgreement => self.tr("next-step-send-agreement"),
            NextStep::MonitorPayment => self.tr("next-step-monitor-payment"),
            NextStep::ScheduleCallBack => self.tr("next-step-schedule-call-back"),
            NextStep::ResendDocuments => self.tr("next-step-resend-documents"),
            NextStep::ReviewDispute => self.tr("next-step-review-dispute"),
            NextStep::FinalDemand => self.tr("next-step-final-demand"),
            NextStep::HandToLegal => self.tr("next-step-hand-to-legal"),
            NextStep::ReferToDebtAdvice => self.tr("next-step-refer-to-debt-advice"),
            NextStep::TraceContact => self.tr("next-step-trace-contact"),
        }
    }

    pub fn archetype(self, a: Archetype) -> &'static str {
        match a {
            Archetype::Cooperative => self.tr("archetype-cooperative"),
            Archetype::Evasive => self.tr("archetype-evasive"),
            Archetype::Aggressive => self.tr("archetype-aggressive"),
            Archetype::LateDisputer => self.tr("archetype-late-disputer"),
            Archetype::SerialPromiser => self.tr("archetype-serial-promiser"),
            Archetype::Hardship => self.tr("archetype-hardship"),
            Archetype::Gatekeeper => self.tr("archetype-gatekeeper"),
            Archetype::SueMe => self.tr("archetype-sue-me"),
        }
    }

    pub fn expression(self, e: Expression) -> &'static str {
        match e {
            Expression::Calm => self.tr("expression-calm"),
            Expression::Friendly => self.tr("expression-friendly"),
            Expression::Relieved => self.tr("expression-relieved"),
            Expression::Worried => self.tr("expression-worried"),
            Expression::Evasive => self.tr("expression-evasive"),
            Expression::Annoyed => self.tr("expression-annoyed"),
            Expression::Angry => self.tr("expression-angry"),
        }
    }

    pub fn ploy(self, p: Ploy) -> &'static str {
        match p {
            Ploy::Distraction => self.tr("ploy-distraction"),
            Ploy::FalsePromise => self.tr("ploy-false-promise"),
            Ploy::LateDispute => self.tr("ploy-late-dispute"),
            Ploy::NoInvoice => self.tr("ploy-no-invoice"),
            Ploy::SobStory => self.tr("ploy-sob-story"),
            Ploy::Stalling => self.tr("ploy-stalling"),
            Ploy::Intimidation => self.tr("ploy-intimidation"),
            Ploy::PassingTheBuck => self.tr("ploy-passing-the-buck"),
            Ploy::SueMe => self.tr("ploy-sue-me"),
            Ploy::PartialPaymentTrap => self.tr("ploy-partial-payment-trap"),
        }
    }

    /// How a ploy was met; `None`: it was not.
    pub fn handling(self, h: Option<PloyHandling>) -> &'static str {
        match h {
            Some(PloyHandling::Countered) => self.tr("handling-countered"),
            Some(PloyHandling::FellFor) => self.tr("handling-fell-for"),
            None => self.tr("handling-none"),
        }
    }

    pub fn violation(self, v: ViolationKind) -> &'static str {
        match v {
            ViolationKind::Threat => self.tr("violation-threat"),
            ViolationKind::Harassment => self.tr("violation-harassment"),
            ViolationKind::FalseStatement => self.tr("violation-false-statement"),
            ViolationKind::ThirdPartyDisclosure => self.tr("violation-third-party-disclosure"),
            ViolationKind::AbusiveLanguage => self.tr("violation-abusive-language"),
            ViolationKind::HardshipMistreatment => self.tr("violation-hardship-mistreatment"),
            ViolationKind::ExceedingMandate => self.tr("violation-exceeding-mandate"),
        }
    }

    pub fn severity(self, s: Severity) -> &'static str {
        match s {
            Severity::Minor => self.tr("severity-minor"),
            Severity::Major => self.tr("severity-major"),
            Severity::Severe => self.tr("severity-severe"),
        }
    }

    pub fn style(self, s: ConflictStyle) -> &'static str {
        match s {
            ConflictStyle::Competing => self.tr("style-competing"),
            ConflictStyle::Collaborating => self.tr("style-collaborating"),
            ConflictStyle::Compromising => self.tr("style-compromising"),
            ConflictStyle::Avoiding => self.tr("style-avoiding"),
            ConflictStyle::Accommodating => self.tr("style-accommodating"),
        }
    }

    /// A required step's state in the debrief: `taken at turn 3`, `missed`, ...
    pub fn step_state(self, state: StepState) -> Cow<'static, str> {
        match state {
            StepState::NotRequired => self.tr("debrief-step-not-required").into(),
            StepState::Done(turn) => self.tr_args("debrief-step-done", &[("turn", turn.into())]).into(),
            StepState::Late(turn) => self.tr_args("debrief-step-late", &[("turn", turn.into())]).into(),
            StepState::Missed => self.tr("debrief-step-missed").into(),
        }
    }

    pub fn fail_reason(self, r: FailReason) -> Cow<'static, str> {
        match r {
            FailReason::SevereViolation(kind) => {
                self.tr_args("fail-severe-violation", &[("violation", self.violation(kind).into())]).into()
            }
            FailReason::CriticalError(kind, severity) => self
                .tr_args(
                    "fail-critical-error",
                    &[
                        ("violation", self.violation(kind).into()),
                        ("severity", self.severity(severity).into()),
                    ],
                )
                .into(),
            FailReason::MissedCriticalStep => self.tr("fail-missed-critical-step").into(),
            FailReason::BelowPassMark => self.tr("fail-below-pass-mark").into(),
        }
    }

    pub fn mode(self, m: Mode) -> &'static str {
        match m {
            Mode::Practice => self.tr("mode-practice"),
            Mode::Assessment => self.tr("mode-assessment"),
        }
    }

    /// A one-line explanation of the mode, for a tooltip.
    pub fn mode_hint(self, m: Mode) -> &'static str {
        match m {
            Mode::Practice => self.tr("mode-practice.hint"),
            Mode::Assessment => self.tr("mode-assessment.hint"),
        }
    }

    pub fn channel(self, c: Channel) -> &'static str {
        match c {
            Channel::Phone => self.tr("channel-phone"),
            Channel::Email => self.tr("channel-email"),
            Channel::Letter => self.tr("channel-letter"),
            Channel::Sms => self.tr("channel-sms"),
            Channel::Visit => self.tr("channel-visit"),
        }
    }

    /// A field of the wrap-up form.
    pub fn wrap_up_field(self, f: WrapUpField) -> &'static str {
        match f {
            WrapUpField::Outcome => self.tr("field-outcome"),
            WrapUpField::Amount => self.tr("field-amount"),
            WrapUpField::Instalments => self.tr("field-instalments"),
            WrapUpField::FirstDue => self.tr("field-first-due"),
            WrapUpField::CallBack => self.tr("field-call-back"),
            WrapUpField::NextStep => self.tr("field-next-step"),
        }
    }

    /// Mood variable names as authors write them, translated where Settle knows them; others
    /// read as written, `cash_position` as `Cash position`.
    pub fn mood(self, name: &str) -> Cow<'static, str> {
        let known = match name {
            "trust" => self.tr("mood-trust"),
            "anger" => self.tr("mood-anger"),
            "willingness" => self.tr("mood-willingness"),
            "stress" => self.tr("mood-stress"),
            "patience" => self.tr("mood-patience"),
            "shame" => self.tr("mood-shame"),
            _ => {
                let mut words = name.replace(['_', '-'], " ");
                if let Some(first) = words.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                return Cow::Owned(words);
            }
        };
        Cow::Borrowed(known)
    }
}
