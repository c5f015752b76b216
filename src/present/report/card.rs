//! The result cards (spec §1 contract total, §4 late payment, §5 subcontracting, §6 settlement):
//! the `data-card` id each carries in the page, and which of them are open.

/// One result card. Its [`Card::id`] is the page's `data-card` attribute, by which the app
/// opens and closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Card {
    ContractTotal,
    LatePenalty,
    Subcontracting,
    Settlement,
}

impl Card {
    pub const ALL: [Card; 4] = [
        Card::ContractTotal,
        Card::LatePenalty,
        Card::Subcontracting,
        Card::Settlement,
    ];

    pub const fn id(self) -> &'static str {
        match self {
            Card::ContractTotal => "contract-total",
            Card::LatePenalty => "late-penalty",
            Card::Subcontracting => "subcontracting",
            Card::Settlement => "termination",
        }
    }

    pub fn from_id(id: &str) -> Option<Card> {
        Card::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The card's `data-testid`, `{id}-card`.
    pub const fn test_id(self) -> &'static str {
        match self {
            Card::ContractTotal => "contract-total-card",
            Card::LatePenalty => "late-penalty-card",
            Card::Subcontracting => "subcontracting-card",
            Card::Settlement => "termination-card",
        }
    }

    const fn index(self) -> usize {
        self as usize
    }
}

/// Which breakdowns to include (a closed card holds only its headline).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Open([bool; 4]);

impl Open {
    /// The breakdowns open when the page opens: the termination settlement's, which a
    /// settlement is read for. The first figures (`src/bin/figures.rs`) use it too.
    pub const AT_START: Open = Open::only(&[Card::Settlement]);

    /// Every breakdown, as a printed statement shows them.
    pub const ALL: Open = Open([true; 4]);

    /// `cards` open, the others closed.
    pub const fn only(cards: &[Card]) -> Open {
        let mut open = [false; 4];
        let mut i = 0;
        while i < cards.len() {
            open[cards[i].index()] = true;
            i += 1;
        }
        Open(open)
    }

    pub const fn is_open(self, card: Card) -> bool {
        self.0[card.index()]
    }

    pub fn toggle(&mut self, card: Card) {
        self.0[card.index()] ^= true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_name_their_card_and_nothing_else() {
        for card in Card::ALL {
            assert_eq!(Card::from_id(card.id()), Some(card));
            assert_eq!(card.test_id(), format!("{}-card", card.id()));
        }
        assert_eq!(Card::from_id("settlement"), None);
        assert_eq!(Card::from_id(""), None);
    }

    #[test]
    fn toggling_opens_and_closes_one_card() {
        let mut open = Open::AT_START;
        assert!(open.is_open(Card::Settlement) && !open.is_open(Card::ContractTotal));
        open.toggle(Card::ContractTotal);
        assert!(open.is_open(Card::ContractTotal));
        open.toggle(Card::Settlement);
        assert_eq!(open, Open::only(&[Card::ContractTotal]));
        assert!(Card::ALL.into_iter().all(|c| Open::ALL.is_open(c)));
    }
}
