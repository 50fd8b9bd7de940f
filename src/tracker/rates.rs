//! Hourly rates per project: `otium project NAME --rate R --currency C` stores one,
//! `[rates]` in the config gives one to projects that have none stored.

use crate::error::Result;
use crate::model::validate_project;
use crate::report::money::{Rate, Rates};
use crate::store::outputs;
use crate::tracker::Tracker;

impl Tracker {
    /// Changes `project` in one transaction (creating it): `unit` and `rate` are
    /// `None` to leave alone, `Some(None)` to clear, `Some(Some(_))` to set.
    pub fn configure_project(
        &mut self,
        project: &str,
        unit: Option<Option<&str>>,
        rate: Option<Option<&Rate>>,
    ) -> Result<()> {
        let project = validate_project(project)?;
        let unit = unit
            .map(|u| u.map(crate::tracker::output::check_unit).transpose())
            .transpose()?;
        let now = self.now();
        self.store.write(|tx| {
            if let Some(unit) = &unit {
                outputs::set_unit(tx, &project, unit.as_deref(), now)?;
            }
            if let Some(rate) = rate {
                let value = rate.map(|r| (r.cents_per_hour, r.currency.as_str()));
                outputs::set_rate(tx, &project, value, now)?;
            }
            Ok(())
        })
    }

    /// Every project's rate: the stored ones, and `[rates]` for projects without one.
    /// A rate set with `otium project` is the more specific choice, so it wins.
    pub fn rates(&self) -> Result<Rates> {
        let mut rates: Rates = self
            .config()
            .rates
            .iter()
            .map(|(name, r)| (name.clone(), r.0.clone()))
            .collect();
        for (name, cents_per_hour, currency) in outputs::project_rates(self.reader())? {
            rates.insert(
                name,
                Rate {
                    cents_per_hour,
                    currency,
                },
            );
        }
        Ok(rates)
    }
}
