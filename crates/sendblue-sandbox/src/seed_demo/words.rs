//! Word lists the demo account is drawn from.

#[rustfmt::skip]
pub(super) const FIRST: &[&str] = &[
    "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas",
    "Mia", "Mateo", "Amelia", "Benjamin", "Harper", "Theo", "Evelyn", "Henry", "Aria", "Leo",
    "Chloe", "Daniel", "Layla", "Samuel", "Priya", "Arjun", "Mei", "Hiroshi", "Fatima", "Omar",
    "Sofia", "Diego", "Camila", "Andrés", "Zoe", "Nathan", "Grace", "Ethan", "Nora", "Caleb",
    "Hannah", "Isaac", "Lily", "Owen", "Maya", "Gabriel", "Elena", "Julian", "Ruby", "Miles",
    "Dana", "Kwame", "Aisha", "Tomás", "Ingrid", "Lars", "Yuki", "Ravi", "Chiara", "Marco",
];

#[rustfmt::skip]
pub(super) const LAST: &[&str] = &[
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
    "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
    "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
    "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall",
    "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Patel", "Kim", "Chen", "Okafor",
    "Fischer", "Rossi", "Tanaka", "Haddad", "Novak", "Lindqvist",
];

#[rustfmt::skip]
pub(super) const COMPANIES: &[&str] = &[
    "Northwind Traders", "Bluebird Dental", "Harbor & Pine", "Summit Fitness", "Cedar Realty",
    "Brightside Solar", "Lumen Labs", "Oak Street Bakery", "Riverbend Clinic", "Atlas Movers",
    "Copperleaf Salon", "Greenway Landscaping", "Maple Auto Care", "Pioneer Logistics",
    "Silverline Insurance", "Tidewater Yachts", "Urban Roots Cafe", "Vantage Legal",
    "Willow Pet Care", "Zenith Software", "Keystone Builders", "Lighthouse Tutoring",
    "Mosaic Events", "Nimbus Cloud", "Orchard Family Farm", "Paper Crane Studio",
];

#[rustfmt::skip]
pub(super) const CITIES: &[&str] = &[
    "San Francisco", "New York", "Chicago", "Austin", "Boston", "Denver", "Seattle", "Miami",
    "Atlanta", "Portland", "Los Angeles", "San Diego", "Nashville", "Phoenix", "Minneapolis",
];

#[rustfmt::skip]
pub(super) const TAGS: &[&str] = &[
    "vip", "lead", "customer", "churn-risk", "trial", "partner", "newsletter", "event-2025",
    "referral", "support",
];

#[rustfmt::skip]
pub(super) const PLANS: &[&str] = &[
    "Starter", "Growth", "Scale", "Enterprise",
];

#[rustfmt::skip]
pub(super) const SOURCES: &[&str] = &[
    "Website", "Referral", "Trade show", "Instagram", "Cold outreach",
];

#[rustfmt::skip]
pub(super) const TEAM: &[&str] = &[
    "maya.patel@sandbox.sendblue.test", "jordan.reyes@sandbox.sendblue.test",
    "sam.okafor@sandbox.sendblue.test", "lena.fischer@sandbox.sendblue.test",
];

/// Area codes of the contacts' numbers; every number is in the 555-01XX range reserved for
/// fiction. Not 415: the account's lines (and lines bought through provisioning) are
/// +1 415 555 01XX.
#[rustfmt::skip]
pub(super) const AREA_CODES: &[&str] = &[
    "212", "310", "312", "305", "404", "503", "512", "602", "617", "646", "720", "206",
];
