"""The demo campaign: missions, stories, events and material, as plain data.

Two heroes are public figures the campaign already features (Jasmine Lee and Cécile Kyenge);
their stories keep to published facts and carry no invented quotes. Every other hero,
quote and event here is fictional, written to show what a mission would publish.
Dates are (month, day) in the demo's campaign year.
"""

CATEGORIES = [
    ("public-figure", "Public figure", "Migrants known nationally or internationally."),
    ("community-leader", "Community leader", "People who bring their neighbourhood together."),
    ("entrepreneur", "Entrepreneur", "Founders whose businesses create jobs and skills."),
    ("artist", "Artist", "Musicians, painters, writers and performers."),
    ("athlete", "Athlete", "Sportspeople and coaches."),
    ("educator", "Educator", "Teachers and mentors."),
    ("health-worker", "Health worker", "Nurses, doctors, mediators and carers."),
]

HEADQUARTERS = {
    "slug": "headquarters",
    "title": "Headquarters",
    "office_name": "Media and Communications Division (MCD)",
    "focal_point_name": "MCD campaign team",
    "focal_point_contact": "migrantheroes@example.org",
    "description": (
        "<p>The campaign's headquarters team endorses every story the missions publish, "
        "shortlists ten stories for the public vote and announces the winners.</p>"
    ),
    "facebook_url": "https://www.facebook.com/example-migrantheroes",
    "twitter_url": "https://x.com/example_migrantheroes",
}

MISSIONS = [
    {
        "slug": "kenya",
        "country": "KE",
        "title": "Kenya",
        "office_name": "Country office Kenya",
        "focal_point_name": "Wanjiru Kamau",
        "focal_point_contact": "kenya.media@example.org",
        "description": (
            "<p>From Nairobi's Eastleigh to Kakuma, Kenya hosts people from across the region. "
            "These are some of the neighbours who make its communities stronger.</p>"
        ),
        "facebook_url": "https://www.facebook.com/example-kenya",
        "website_url": "https://kenya.example.org/",
    },
    {
        "slug": "italy",
        "country": "IT",
        "title": "Italy",
        "office_name": "Country office Italy",
        "focal_point_name": "Giulia Ferrari",
        "focal_point_contact": "italy.media@example.org",
        "description": (
            "<p>Italy's stories of migration run in both directions. The mission shares the "
            "lives of people who arrived and built something for everyone.</p>"
        ),
        "twitter_url": "https://x.com/example_italy",
        "newsletter_url": "https://italy.example.org/newsletter/",
    },
    {
        "slug": "republic-of-korea",
        "country": "KR",
        "title": "Republic of Korea",
        "office_name": "Country office Republic of Korea",
        "focal_point_name": "Kim Min-ji",
        "focal_point_contact": "korea.media@example.org",
        "description": (
            "<p>Multicultural families, students and workers are changing Korean towns. "
            "Meet some of the people leading that change.</p>"
        ),
        "website_url": "https://korea.example.org/",
    },
    {
        "slug": "mexico",
        "country": "MX",
        "title": "Mexico",
        "office_name": "Country office Mexico",
        "focal_point_name": "Lucía Hernández",
        "focal_point_contact": "mexico.media@example.org",
        "description": (
            "<p>A country of origin, transit and destination: in Mexico, migrants and hosts "
            "build new lives together, from Tijuana to Monterrey.</p>"
        ),
        "facebook_url": "https://www.facebook.com/example-mexico",
    },
    {
        "slug": "jordan",
        "country": "JO",
        "title": "Jordan",
        "office_name": "Country office Jordan",
        "focal_point_name": "Rania Khalil",
        "focal_point_contact": "jordan.media@example.org",
        "description": (
            "<p>Jordan has welcomed generations of people fleeing war. Many now teach, heal "
            "and create in the communities that received them.</p>"
        ),
        "twitter_url": "https://x.com/example_jordan",
    },
]

# (mission slug, story); "published" is (month, day) of first publication.
STORIES = [
    (
        "republic-of-korea",
        {
            "slug": "jasmine-lee",
            "hero_name": "Jasmine Lee",
            "headline": "From Davao to the National Assembly",
            "origin": "PH",
            "residence": "KR",
            "category": "public-figure",
            "tags": ["politics", "women", "families"],
            "published": (9, 2),
            "intro": (
                "Born in the Philippines, Jasmine Lee moved to the Republic of Korea in 1995. "
                "In 2012 she became the first naturalised citizen elected to its National "
                "Assembly."
            ),
            "body": [
                "Before entering politics she worked with migrant women and multicultural "
                "families, and became known to Korean audiences as an actress and television "
                "presenter.",
                "As a lawmaker from 2012 to 2016 she spoke for the rights of migrants and their "
                "children, at a time when the number of multicultural families in Korea was "
                "growing fast.",
            ],
        },
    ),
    (
        "italy",
        {
            "slug": "cecile-kyenge",
            "hero_name": "Cécile Kyenge",
            "headline": "An eye doctor who became Italy's Minister for Integration",
            "origin": "CD",
            "residence": "IT",
            "category": "public-figure",
            "tags": ["politics", "health", "women"],
            "published": (9, 3),
            "intro": (
                "Cécile Kyenge came to Italy from the Democratic Republic of the Congo in 1983 "
                "to study medicine, and became an ophthalmologist in Modena."
            ),
            "body": [
                "In 2013 she was appointed Minister for Integration, the first black minister in "
                "an Italian government.",
                "From 2014 to 2019 she was a Member of the European Parliament, where she worked "
                "on migration and on the rights of minorities.",
            ],
        },
    ),
    (
        "kenya",
        {
            "slug": "amina-yusuf",
            "hero_name": "Amina Yusuf",
            "headline": "The sewing circle that became a cooperative",
            "origin": "SO",
            "residence": "KE",
            "category": "community-leader",
            "tags": ["livelihoods", "women"],
            "published": (9, 10),
            "intro": (
                "Amina started teaching three neighbours to sew in her living room in Eastleigh. "
                "Today her cooperative has trained more than two hundred women."
            ),
            "body": [
                "When Amina arrived in Nairobi she had a sewing machine and a skill. She shared "
                "both, and the women she trained now run stalls of their own.",
                "The cooperative welcomes Kenyan and Somali women alike, and its profits pay "
                "for the school fees of forty children.",
            ],
            "quote": (
                "A needle does not ask where you come from. It only asks if you are patient.",
                "Amina Yusuf",
            ),
        },
    ),
    (
        "kenya",
        {
            "slug": "jean-paul-habimana",
            "hero_name": "Jean-Paul Habimana",
            "headline": "Maths lessons under a mango tree",
            "origin": "BI",
            "residence": "KE",
            "category": "educator",
            "tags": ["education", "youth"],
            "published": (9, 18),
            "intro": (
                "A former teacher from Burundi, Jean-Paul runs free evening maths classes that "
                "have helped dozens of teenagers pass their national exams."
            ),
            "body": [
                "His classes began with a chalkboard leaning on a mango tree. Parents soon "
                "brought benches, then a roof.",
                "Last year every one of his students passed the mathematics paper of the Kenya "
                "Certificate of Secondary Education.",
            ],
            "quote": ("Numbers are the same in every language.", "Jean-Paul Habimana"),
        },
    ),
    (
        "kenya",
        {
            "slug": "grace-akech",
            "hero_name": "Grace Akech",
            "headline": "Running for the girls who come next",
            "origin": "SS",
            "residence": "KE",
            "category": "athlete",
            "tags": ["sports", "youth", "women"],
            "published": (10, 1),
            "intro": (
                "A middle-distance runner from South Sudan, Grace coaches a running club of sixty "
                "girls, and keeps them in school."
            ),
            "body": [
                "Grace's rule is simple: no homework, no training. Her club's attendance at "
                "school is the highest in the district.",
                "Three of her runners competed at the national championships this year.",
            ],
            "quote": ("Running taught me that the finish line is a beginning.", "Grace Akech"),
        },
    ),
    (
        "italy",
        {
            "slug": "ousmane-diallo",
            "hero_name": "Ousmane Diallo",
            "headline": "A tailor's workshop that opens doors in Turin",
            "origin": "SN",
            "residence": "IT",
            "category": "entrepreneur",
            "tags": ["livelihoods", "youth"],
            "published": (9, 25),
            "intro": (
                "Ousmane's workshop makes jackets for Turin's boutiques, and apprenticeships for "
                "young people, whether born in Italy or not."
            ),
            "body": [
                "He learnt his trade in Dakar and opened his workshop with two second-hand "
                "machines. It now employs eleven people.",
                "Each year he takes on four apprentices, chosen with the city's youth services.",
            ],
            "quote": ("Good work is the best introduction.", "Ousmane Diallo"),
        },
    ),
    (
        "italy",
        {
            "slug": "marta-tesfaye",
            "hero_name": "Marta Tesfaye",
            "headline": "The mediator who helps doctors and patients understand each other",
            "origin": "ER",
            "residence": "IT",
            "category": "health-worker",
            "tags": ["health", "women"],
            "published": (10, 8),
            "intro": (
                "At a Rome hospital, Marta translates more than words: she explains fears, "
                "customs and questions that patients dare not ask."
            ),
            "body": [
                "Marta speaks Tigrinya, Amharic, Arabic and Italian. She is called to the "
                "maternity ward several times a day.",
                "She trains new cultural mediators, so that no patient faces a diagnosis alone.",
            ],
            "quote": ("Being understood is part of being cared for.", "Marta Tesfaye"),
        },
    ),
    (
        "republic-of-korea",
        {
            "slug": "nguyen-thi-lan",
            "hero_name": "Nguyen Thi Lan",
            "headline": "A reading club in two languages",
            "origin": "VN",
            "residence": "KR",
            "category": "educator",
            "tags": ["education", "families"],
            "published": (9, 30),
            "intro": (
                "In Ansan, Lan reads to children of multicultural families every Saturday, in "
                "Korean and in Vietnamese."
            ),
            "body": [
                "Lan noticed that her son was forgetting his grandmother's language. She started "
                "a club with five families; there are now sixty.",
                "The city library has given the club a room and a shelf of books in eight "
                "languages.",
            ],
            "quote": ("Two languages are two windows.", "Nguyen Thi Lan"),
        },
    ),
    (
        "republic-of-korea",
        {
            "slug": "farhod-karimov",
            "hero_name": "Farhod Karimov",
            "headline": "The factory worker who started a band",
            "origin": "UZ",
            "residence": "KR",
            "category": "artist",
            "tags": ["music", "culture"],
            "published": (10, 12),
            "intro": (
                "By day Farhod works in a car parts factory. By night he leads a band of "
                "workers from five countries."
            ),
            "body": [
                "The band plays Uzbek, Nepali, Filipino and Korean songs, and fills community "
                "halls across Gyeonggi province.",
                "Its concerts raise money for workers who are injured on the job.",
            ],
            "quote": ("On stage, nobody asks for your visa.", "Farhod Karimov"),
        },
    ),
    (
        "mexico",
        {
            "slug": "rosa-elena-martinez",
            "hero_name": "Rosa Elena Martínez",
            "headline": "A kitchen that feeds three hundred people a day",
            "origin": "HN",
            "residence": "MX",
            "category": "community-leader",
            "tags": ["shelter", "women"],
            "published": (9, 14),
            "intro": (
                "Rosa Elena arrived in Tijuana with her two daughters. Now she runs the kitchen "
                "of the shelter that took them in."
            ),
            "body": [
                "Every day her team of volunteers cooks for three hundred people, with food "
                "donated by local markets.",
                "She also teaches newcomers how to run a small food business.",
            ],
            "quote": ("Nobody should be hungry on the road.", "Rosa Elena Martínez"),
        },
    ),
    (
        "mexico",
        {
            "slug": "jean-baptiste-pierre",
            "hero_name": "Jean-Baptiste Pierre",
            "headline": "Haitian bread, Mexican friends",
            "origin": "HT",
            "residence": "MX",
            "category": "entrepreneur",
            "tags": ["livelihoods"],
            "published": (10, 5),
            "intro": (
                "Jean-Baptiste's bakery in Tijuana sells Haitian and Mexican bread, and has hired "
                "fourteen newcomers in two years."
            ),
            "body": [
                "He baked his first loaves in a borrowed oven. His neighbours were his first "
                "customers, and his first investors.",
                "Every employee learns the whole trade, from flour to accounts.",
            ],
            "quote": ("Bread is how I say thank you.", "Jean-Baptiste Pierre"),
        },
    ),
    (
        "mexico",
        {
            "slug": "carlos-andres-rojas",
            "hero_name": "Carlos Andrés Rojas",
            "headline": "Football for every child in the neighbourhood",
            "origin": "VE",
            "residence": "MX",
            "category": "athlete",
            "tags": ["sports", "youth"],
            "published": (10, 20),
            "intro": (
                "A former professional footballer from Venezuela, Carlos coaches a free league "
                "for two hundred children in Monterrey."
            ),
            "body": [
                "His teams mix children of Mexican, Venezuelan and Central American families, on "
                "purpose.",
                "Parents who met on the touchline now run the league's kitchen and its minibus.",
            ],
            "quote": ("A team is a family you choose.", "Carlos Andrés Rojas"),
        },
    ),
    (
        "jordan",
        {
            "slug": "hala-al-masri",
            "hero_name": "Hala Al-Masri",
            "headline": "Coding club for girls in Amman",
            "origin": "SY",
            "residence": "JO",
            "category": "educator",
            "tags": ["education", "technology", "women"],
            "published": (9, 22),
            "intro": (
                "A software engineer from Aleppo, Hala teaches girls from Jordanian and Syrian "
                "families to build their own apps."
            ),
            "body": [
                "The club meets after school in a community centre. Its first app helps families "
                "find free clinics nearby.",
                "Two of Hala's students won a national innovation prize this year.",
            ],
            "quote": ("Code is a language the future speaks.", "Hala Al-Masri"),
        },
    ),
    (
        "jordan",
        {
            "slug": "yousef-haddad",
            "hero_name": "Yousef Haddad",
            "headline": "Murals that tell a neighbourhood's story",
            "origin": "IQ",
            "residence": "JO",
            "category": "artist",
            "tags": ["culture", "art"],
            "published": (10, 15),
            "intro": (
                "Yousef paints murals with the people who live behind the walls, so that every "
                "wall tells their story."
            ),
            "body": [
                "His latest mural in Jabal al-Weibdeh was painted by forty neighbours, the "
                "youngest six years old.",
                "He runs free art workshops for teenagers every Friday.",
            ],
            "quote": ("A wall can separate people or bring them together.", "Yousef Haddad"),
        },
    ),
    (
        "jordan",
        {
            "slug": "fatima-ahmed",
            "hero_name": "Fatima Ahmed",
            "headline": "A nurse who never says no",
            "origin": "SD",
            "residence": "JO",
            "category": "health-worker",
            "tags": ["health", "women"],
            "published": (10, 22),
            "intro": (
                "Fatima volunteers three evenings a week at a free clinic in Amman, after her "
                "full day at the hospital."
            ),
            "body": [
                "She started a vaccination reminder service by text message that reaches nine "
                "hundred families.",
                "Her colleagues call her the clinic's memory: she knows every patient's name.",
            ],
            "quote": ("Health is a right, not a privilege.", "Fatima Ahmed"),
        },
    ),
]

# (hub slug, event). "start"/"end" are (month, day, hour, minute) in the event's time zone.
EVENTS = [
    (
        "headquarters",
        {
            "slug": "shortlist-announced",
            "title": "Shortlist of ten stories announced",
            "kind": "campaign_event",
            "start": (10, 25, 12, 0),
            "end": (10, 25, 13, 0),
            "time_zone": "Europe/Zurich",
            "location": "Online",
            "intro": "Headquarters announces the ten stories shortlisted for the public vote.",
        },
    ),
    (
        "headquarters",
        {
            "slug": "public-vote",
            "title": "Public vote: choose the 3 best stories",
            "kind": "voting_window",
            "start": (11, 1, 0, 0),
            "end": (11, 10, 23, 59),
            "all_day": True,
            "time_zone": "Europe/Zurich",
            "location": "Online",
            "intro": "From 1 to 10 November, vote for the 3 best of the 10 shortlisted stories.",
        },
    ),
    (
        "headquarters",
        {
            "slug": "winners-announced",
            "title": "Winners announced on International Migrants Day",
            "kind": "campaign_event",
            "start": (12, 18, 10, 0),
            "end": (12, 18, 11, 0),
            "time_zone": "Europe/Zurich",
            "location": "Geneva and online",
            "intro": "The three stories chosen by the public are announced on 18 December.",
        },
    ),
    (
        "kenya",
        {
            "slug": "hero-feature-amina-yusuf",
            "title": "Hero feature: Amina Yusuf",
            "kind": "hero_feature",
            "start": (10, 5, 9, 0),
            "end": (10, 5, 17, 0),
            "all_day": True,
            "time_zone": "Africa/Nairobi",
            "hero_story": "amina-yusuf",
            "country": "KE",
            "intro": "All day on the mission's channels: the story of Amina's cooperative.",
        },
    ),
    (
        "kenya",
        {
            "slug": "eastleigh-cultural-festival",
            "title": "Eastleigh Cultural Festival",
            "kind": "festival",
            "start": (10, 17, 10, 0),
            "end": (10, 18, 20, 0),
            "time_zone": "Africa/Nairobi",
            "location": "Eastleigh, Nairobi",
            "country": "KE",
            "intro": "Food, music and fashion from a dozen communities, with a campaign stand.",
        },
    ),
    (
        "italy",
        {
            "slug": "voices-of-the-mediterranean",
            "title": "Concert: Voices of the Mediterranean",
            "kind": "concert",
            "start": (11, 14, 20, 30),
            "end": (11, 14, 23, 0),
            "time_zone": "Europe/Rome",
            "location": "Turin",
            "country": "IT",
            "intro": "Musicians from both shores of the Mediterranean share one stage.",
            "registration_url": "https://italy.example.org/concert/",
        },
    ),
    (
        "republic-of-korea",
        {
            "slug": "ansan-multicultural-festival",
            "title": "Ansan Multicultural Festival",
            "kind": "festival",
            "start": (10, 4, 11, 0),
            "end": (10, 4, 19, 0),
            "time_zone": "Asia/Seoul",
            "location": "Ansan",
            "country": "KR",
            "intro": "The mission's stand presents the campaign and its heroes.",
        },
    ),
    (
        "mexico",
        {
            "slug": "copa-de-la-amistad",
            "title": "Friendship Cup football tournament",
            "kind": "sports_event",
            "start": (11, 21, 9, 0),
            "end": (11, 21, 18, 0),
            "time_zone": "America/Monterrey",
            "location": "Monterrey",
            "country": "MX",
            "hero_story": "carlos-andres-rojas",
            "intro": "Children's teams from every neighbourhood play for the Friendship Cup.",
        },
    ),
    (
        "jordan",
        {
            "slug": "walls-that-speak-exhibition",
            "title": "Exhibition: Walls that speak",
            "kind": "artistic_gathering",
            "start": (10, 28, 17, 0),
            "end": (11, 4, 21, 0),
            "time_zone": "Asia/Amman",
            "location": "Jabal al-Weibdeh, Amman",
            "country": "JO",
            "hero_story": "yousef-haddad",
            "intro": "Photographs of the neighbourhood murals and the people who painted them.",
        },
    ),
]

MATERIALS = [
    {
        "title": "#MigrantHeroes info sheet (A4)",
        "kind": "info_sheet",
        "file": "migrantheroes-info-sheet.pdf",
        "description": "The campaign on one page: what it is, how to nominate a hero, how to vote.",
        "lines": [
            "#MigrantHeroes",
            "Migrants are heroes in their communities.",
            "Nominate a hero you know on the campaign website.",
            "Vote for the 3 best of 10 stories, 1 to 10 November.",
            "Share the stories: #MigrantHeroes",
        ],
    },
    {
        "title": "#MigrantHeroes donor info sheet",
        "kind": "donor_sheet",
        "file": "migrantheroes-donor-sheet.pdf",
        "description": "For donors and private-sector partners who want to support the campaign.",
        "lines": [
            "#MigrantHeroes: support the campaign",
            "No dedicated budget: missions seek partners.",
            "Sponsor an event, a screening or a concert.",
            "Help us find and tell migrants' stories.",
            "Contact your country office.",
        ],
    },
]

# Who is a Migrant Hero? The criteria, in the guidelines' own words (steps 2 and 5, and the
# campaign's purpose): MCD keeps them, the nomination page shows them.
CRITERIA = {
    "heading": "Who is a Migrant Hero?",
    "intro": (
        "The campaign's country offices look for Migrant Heroes with these criteria, and read "
        "every nomination against them."
    ),
    "criteria": [
        (
            "A migrant",
            "Someone originating from the country, or who migrated to it.",
        ),
        (
            "Willing to become public",
            "They are willing to become public, or are already a public figure.",
        ),
        (
            "An advocate for migrants",
            "They have the capacity to advocate for migrants and to carry the message that "
            "positive environments for migrants must be created.",
        ),
        (
            "A contribution recognised",
            "They contribute to their community, and their place and contributions to our "
            "societies deserve to be recognised.",
        ),
        (
            "A compelling story",
            "Their story is authentic and compelling: the voice of global migration.",
        ),
    ],
}

# Selected Migrant Heroes become IOM Goodwill Ambassadors (a fictional hero of the demo).
AMBASSADORS = [
    {
        "story": "amina-yusuf",
        "since": (10, 1),
        "citation": (
            "For the cooperative that trained more than two hundred women in Nairobi, and for "
            "speaking up for migrant women across Kenya."
        ),
    },
]
