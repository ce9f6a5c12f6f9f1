//! The interface's two languages. Text is written at the call site as an English/Polish pair
//! (`lang.t("Start call", "Rozpocznij rozmowę")`) so the two never drift apart; names of the
//! core's enums, and numbers and dates, are formatted here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::core::format::{Archetype, Expression, Ploy, PloyHandling, Severity, ViolationKind};
use crate::core::money::Money;
use crate::core::outcome::{NextStep, Outcome};
use crate::core::scoring::FailReason;
use crate::core::style::ConflictStyle;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Pl,
}

impl Lang {
    pub fn t(self, en: &'static str, pl: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Pl => pl,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Pl => "Polski",
        }
    }

    pub fn money(self, amount: Money, currency: &str) -> String {
        match self {
            Lang::En => format!("{} {currency}", amount.grouped(',', '.')),
            Lang::Pl => format!("{} {currency}", amount.grouped('\u{a0}', ',')),
        }
    }

    pub fn date(self, date: NaiveDate) -> String {
        match self {
            Lang::En => date.format("%-d %b %Y").to_string(),
            Lang::Pl => date.format("%d.%m.%Y").to_string(),
        }
    }

    /// A score such as `82.5` or `82,5`.
    pub fn score(self, value: f64) -> String {
        let text = format!("{value:.1}");
        match self {
            Lang::En => text,
            Lang::Pl => text.replace('.', ","),
        }
    }

    pub fn outcome(self, o: Outcome) -> &'static str {
        match o {
            Outcome::PaidInFull => self.t("Paid in full", "Zapłata całości"),
            Outcome::PaymentPlan => self.t("Payment plan", "Harmonogram spłat"),
            Outcome::PromiseToPay => self.t("Promise to pay", "Obietnica zapłaty"),
            Outcome::PartialPayment => self.t("Partial payment", "Częściowa wpłata"),
            Outcome::Dispute => self.t("Dispute", "Spór"),
            Outcome::Refused => self.t("Refused", "Odmowa"),
            Outcome::EscalatedToLegal => self.t("Escalated to legal", "Skierowane do działu prawnego"),
            Outcome::WrongParty => self.t("Wrong party", "Niewłaściwa osoba"),
            Outcome::DebtorHungUp => self.t("Debtor hung up", "Dłużnik się rozłączył"),
        }
    }

    pub fn next_step(self, s: NextStep) -> &'static str {
        match s {
            NextStep::SendConfirmation => {
                self.t("Send a written confirmation", "Wysłać pisemne potwierdzenie")
            }
            NextStep::SendAgreement => self.t("Send the instalment agreement", "Wysłać ugodę ratalną"),
            NextStep::MonitorPayment => self.t("Monitor the payment", "Monitorować wpłatę"),
            NextStep::ScheduleCallBack => self.t("Schedule a call-back", "Zaplanować ponowny kontakt"),
            NextStep::ResendDocuments => self.t("Resend the documents", "Ponownie wysłać dokumenty"),
            NextStep::ReviewDispute => self.t("Review the complaint", "Rozpatrzyć reklamację"),
            NextStep::FinalDemand => self.t("Send the final demand", "Wysłać ostateczne wezwanie"),
            NextStep::HandToLegal => self.t("Hand over to legal", "Przekazać do działu prawnego"),
            NextStep::ReferToDebtAdvice => self.t("Refer to debt advice", "Skierować do doradztwa"),
            NextStep::TraceContact => self.t("Trace the right contact", "Ustalić właściwy kontakt"),
        }
    }

    pub fn archetype(self, a: Archetype) -> &'static str {
        match a {
            Archetype::Cooperative => self.t("Cooperative partner", "Współpracujący partner"),
            Archetype::Evasive => self.t("Evasive", "Unikający"),
            Archetype::Aggressive => self.t("Aggressive", "Agresywny"),
            Archetype::LateDisputer => self.t("Late disputer", "Spóźniona reklamacja"),
            Archetype::SerialPromiser => self.t("Serial promiser", "Notoryczny obiecywacz"),
            Archetype::Hardship => self.t("Real hardship", "Trudna sytuacja życiowa"),
            Archetype::Gatekeeper => self.t("Gatekeeper", "Osoba trzecia"),
            Archetype::SueMe => self.t("\"Take me to court\"", "„Niech Pan idzie do sądu”"),
        }
    }

    pub fn expression(self, e: Expression) -> &'static str {
        match e {
            Expression::Calm => self.t("calm", "spokojny"),
            Expression::Friendly => self.t("friendly", "życzliwy"),
            Expression::Relieved => self.t("relieved", "z ulgą"),
            Expression::Worried => self.t("worried", "zmartwiony"),
            Expression::Evasive => self.t("evasive", "wymijający"),
            Expression::Annoyed => self.t("annoyed", "zirytowany"),
            Expression::Angry => self.t("angry", "zły"),
        }
    }

    pub fn ploy(self, p: Ploy) -> &'static str {
        match p {
            Ploy::Distraction => self.t("Distraction", "Odwracanie uwagi"),
            Ploy::FalsePromise => self.t("False promise", "Fałszywa obietnica"),
            Ploy::LateDispute => self.t("Late dispute", "Spóźniona reklamacja"),
            Ploy::NoInvoice => self.t("\"Never got the invoice\"", "„Nie dostałem faktury”"),
            Ploy::SobStory => self.t("Sob story", "Gra na litość"),
            Ploy::Stalling => self.t("Stalling", "Przeciąganie"),
            Ploy::Intimidation => self.t("Intimidation", "Zastraszanie"),
            Ploy::PassingTheBuck => self.t("Passing the buck", "Zrzucanie na innych"),
            Ploy::SueMe => self.t("\"Take me to court\"", "„Niech Pan idzie do sądu”"),
            Ploy::PartialPaymentTrap => self.t("Partial-payment trap", "Pułapka częściowej wpłaty"),
        }
    }

    pub fn handling(self, h: Option<PloyHandling>) -> &'static str {
        match h {
            Some(PloyHandling::Countered) => self.t("countered", "odparty"),
            Some(PloyHandling::FellFor) => self.t("fell for it", "dał się nabrać"),
            None => self.t("not addressed", "bez reakcji"),
        }
    }

    pub fn violation(self, v: ViolationKind) -> &'static str {
        match v {
            ViolationKind::Threat => self.t("Threat", "Groźba"),
            ViolationKind::Harassment => self.t("Harassment", "Nękanie"),
            ViolationKind::FalseStatement => self.t("False statement", "Nieprawdziwa informacja"),
            ViolationKind::ThirdPartyDisclosure => {
                self.t("Disclosure to a third party", "Ujawnienie osobie trzeciej")
            }
            ViolationKind::AbusiveLanguage => self.t("Abusive language", "Obraźliwy język"),
            ViolationKind::HardshipMistreatment => {
                self.t("Mistreating real hardship", "Brak względu na trudną sytuację")
            }
        }
    }

    pub fn severity(self, s: Severity) -> &'static str {
        match s {
            Severity::Minor => self.t("minor", "drobne"),
            Severity::Major => self.t("major", "poważne"),
            Severity::Severe => self.t("severe", "rażące"),
        }
    }

    pub fn style(self, s: ConflictStyle) -> &'static str {
        match s {
            ConflictStyle::Competing => self.t("Competing", "Rywalizacja"),
            ConflictStyle::Collaborating => self.t("Collaborating", "Współpraca"),
            ConflictStyle::Compromising => self.t("Compromising", "Kompromis"),
            ConflictStyle::Avoiding => self.t("Avoiding", "Unikanie"),
            ConflictStyle::Accommodating => self.t("Accommodating", "Dostosowanie"),
        }
    }

    pub fn fail_reason(self, r: FailReason) -> String {
        match r {
            FailReason::SevereViolation(kind) => {
                format!(
                    "{}: {}",
                    self.t("Severe conduct violation", "Rażące naruszenie zasad"),
                    self.violation(kind)
                )
            }
            FailReason::BelowPassMark => {
                self.t("Below the pass mark", "Poniżej progu zaliczenia").to_string()
            }
        }
    }

    /// Mood variable names as authors write them, translated where Settle knows them.
    pub fn mood(self, name: &str) -> String {
        let known = match name {
            "trust" => Some(self.t("Trust", "Zaufanie")),
            "anger" => Some(self.t("Anger", "Złość")),
            "willingness" => Some(self.t("Willingness to pay", "Gotowość do zapłaty")),
            "stress" => Some(self.t("Stress", "Stres")),
            "patience" => Some(self.t("Patience", "Cierpliwość")),
            "shame" => Some(self.t("Shame", "Wstyd")),
            _ => None,
        };
        known.map(str::to_string).unwrap_or_else(|| {
            let mut chars = name.replace(['_', '-'], " ").chars().collect::<Vec<_>>();
            if let Some(first) = chars.first_mut() {
                *first = first.to_ascii_uppercase();
            }
            chars.into_iter().collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_money_dates_and_scores_per_language() {
        let amount = Money(1_845_050);
        assert_eq!(Lang::En.money(amount, "PLN"), "18,450.50 PLN");
        assert_eq!(Lang::Pl.money(amount, "PLN"), "18\u{a0}450,50 PLN");
        let date = NaiveDate::from_ymd_opt(2026, 3, 4).expect("valid");
        assert_eq!(Lang::En.date(date), "4 Mar 2026");
        assert_eq!(Lang::Pl.date(date), "04.03.2026");
        assert_eq!(Lang::Pl.score(82.5), "82,5");
        assert_eq!(Lang::Pl.mood("trust"), "Zaufanie");
        assert_eq!(Lang::En.mood("cash_position"), "Cash position");
    }
}
