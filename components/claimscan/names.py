"""The names the actor finder knows, and the words it never takes for actors.

Lists, not logic: everyday country names and adjectives pycountry lacks, organisations, companies and people
of the oil-and-sanctions story, the data providers a sentence cites as its source, topic words (crude grades,
tickers, months, regions), titles, and the words that cue a person or an organisation in a capitalised name.
Each list is a place to add a name, so the finder's rules stay in components.claimscan.actors.
"""

from __future__ import annotations

from components.claimscan.periods import MONTHS

# Everyday names pycountry lacks or spells formally (pycountry name -> extra names).
COUNTRY_EXTRA = {
    "US": ("United States", "US", "U.S.", "USA", "America", "Washington"),
    "GB": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "London"),
    "RU": ("Russia", "Moscow", "Kremlin"),
    "CN": ("China", "Beijing", "PRC"),
    "IN": ("India", "New Delhi"),
    "TR": ("Turkey", "Türkiye", "Turkiye", "Ankara"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "UA": ("Ukraine", "Kyiv", "Kiev"),
    "IR": ("Iran", "Tehran"),
    "SA": ("Saudi Arabia", "Riyadh"),
    "KR": ("South Korea", "Seoul"),
    "KP": ("North Korea", "Pyongyang"),
    "JP": ("Japan", "Tokyo"),
    "DE": ("Germany", "Berlin"),
    "FR": ("France", "Paris"),
}
ADJECTIVES = {
    "US": ("American",),
    "GB": ("British",),
    "RU": ("Russian",),
    "CN": ("Chinese",),
    "IN": ("Indian",),
    "TR": ("Turkish",),
    "AE": ("Emirati",),
    "UA": ("Ukrainian",),
    "IR": ("Iranian",),
    "IQ": ("Iraqi",),
    "SA": ("Saudi",),
    "KZ": ("Kazakh",),
    "KR": ("South Korean",),
    "KP": ("North Korean",),
    "JP": ("Japanese",),
    "DE": ("German",),
    "FR": ("French",),
    "PL": ("Polish",),
    "NL": ("Dutch",),
    "ES": ("Spanish",),
    "PK": ("Pakistani",),
    "BD": ("Bangladeshi",),
    "IL": ("Israeli",),
    "QA": ("Qatari",),
    "KW": ("Kuwaiti",),
    "OM": ("Omani",),
    "VN": ("Vietnamese",),
    "TH": ("Thai",),
    "GR": ("Greek",),
    "NO": ("Norwegian",),
    "SE": ("Swedish",),
    "FI": ("Finnish",),
    "HU": ("Hungarian",),
    "AZ": ("Azerbaijani",),
    "CH": ("Swiss",),
    "BR": ("Brazilian",),
    "MX": ("Mexican",),
    "VE": ("Venezuelan",),
    "NG": ("Nigerian",),
    "AO": ("Angolan",),
    "LY": ("Libyan",),
    "EG": ("Egyptian",),
    "CA": ("Canadian",),
    "AU": ("Australian",),
    "IT": ("Italian",),
    "SY": ("Syrian",),
}
ORGANISATIONS = {
    "eu": ("European Union", "bloc", ("European Union", "EU", "E.U.", "Brussels", "European Commission")),
    "nato": ("NATO", "bloc", ("NATO", "North Atlantic Treaty Organization")),
    "opec": ("OPEC", "bloc", ("OPEC", "Organization of the Petroleum Exporting Countries")),
    "opec_plus": ("OPEC+", "bloc", ("OPEC+", "OPEC Plus")),
    "g7": ("G7", "bloc", ("G7", "G-7", "Group of Seven")),
    "g20": ("G20", "bloc", ("G20", "G-20")),
    "brics": ("BRICS", "bloc", ("BRICS",)),
    "un": ("United Nations", "organisation", ("United Nations", "UN", "U.N.")),
    "imf": ("IMF", "organisation", ("IMF", "International Monetary Fund")),
    "wto": ("WTO", "organisation", ("WTO", "World Trade Organization")),
    "iea": ("IEA", "organisation", ("IEA", "International Energy Agency")),
    "ofac": ("OFAC", "organisation", ("OFAC", "Office of Foreign Assets Control")),
    "us_treasury": ("US Treasury", "organisation", ("US Treasury", "U.S. Treasury", "Treasury Department")),
}
COMPANIES = {
    "rosneft": ("Rosneft", ("Rosneft",)),
    "lukoil": ("Lukoil", ("Lukoil", "LUKOIL")),
    "gazprom_neft": ("Gazprom Neft", ("Gazprom Neft",)),
    "gazprom": ("Gazprom", ("Gazprom",)),
    "surgutneftegas": ("Surgutneftegas", ("Surgutneftegas", "Surgutneftegaz")),
    "reliance": ("Reliance Industries", ("Reliance Industries", "Reliance")),
    "nayara": ("Nayara Energy", ("Nayara Energy", "Nayara")),
    "ioc": ("Indian Oil Corporation", ("Indian Oil Corporation", "Indian Oil Corp", "Indian Oil", "IOC")),
    "bpcl": ("Bharat Petroleum", ("Bharat Petroleum", "BPCL")),
    "hpcl": ("Hindustan Petroleum", ("Hindustan Petroleum", "HPCL")),
    "mrpl": ("Mangalore Refinery", ("Mangalore Refinery", "MRPL")),
    "sinopec": ("Sinopec", ("Sinopec",)),
    "petrochina": ("PetroChina", ("PetroChina", "CNPC")),
    "aramco": ("Saudi Aramco", ("Saudi Aramco", "Aramco")),
    "sovcomflot": ("Sovcomflot", ("Sovcomflot",)),
    "vitol": ("Vitol", ("Vitol",)),
    "trafigura": ("Trafigura", ("Trafigura",)),
    "glencore": ("Glencore", ("Glencore",)),
    "gunvor": ("Gunvor", ("Gunvor",)),
    "exxonmobil": ("ExxonMobil", ("ExxonMobil", "Exxon Mobil", "Exxon")),
    "chevron": ("Chevron", ("Chevron",)),
    "totalenergies": ("TotalEnergies", ("TotalEnergies",)),
    "goldman_sachs": ("Goldman Sachs", ("Goldman Sachs",)),
    "jpmorgan": ("JPMorgan", ("JPMorgan", "JP Morgan", "J.P. Morgan")),
    "morgan_stanley": ("Morgan Stanley", ("Morgan Stanley",)),
    "sbi": ("State Bank of India", ("State Bank of India", "SBI")),
}
# People of the story (label, country, written names). A case's own actors.csv comes first; these are found in any
# pasted text, so a surname alone counts only where it is unmistakable in this field.
PEOPLE = {
    "trump": ("Donald Trump", "US", ("Donald Trump", "Trump")),
    "biden": ("Joe Biden", "US", ("Joe Biden", "Biden")),
    "putin": ("Vladimir Putin", "RU", ("Vladimir Putin", "Putin")),
    "modi": ("Narendra Modi", "IN", ("Narendra Modi", "Modi")),
    "xi_jinping": ("Xi Jinping", "CN", ("Xi Jinping",)),
    "zelensky": ("Volodymyr Zelensky", "UA", ("Volodymyr Zelensky", "Zelensky", "Zelenskyy", "Zelenskiy")),
    "bessent": ("Scott Bessent", "US", ("Scott Bessent", "Bessent")),
    "rubio": ("Marco Rubio", "US", ("Marco Rubio", "Rubio")),
    "vance": ("JD Vance", "US", ("JD Vance", "J.D. Vance")),
    "lutnick": ("Howard Lutnick", "US", ("Howard Lutnick", "Lutnick")),
    "navarro": ("Peter Navarro", "US", ("Peter Navarro", "Navarro")),
    "witkoff": ("Steve Witkoff", "US", ("Steve Witkoff", "Witkoff")),
    "kellogg": ("Keith Kellogg", "US", ("Keith Kellogg",)),
    "graham": ("Lindsey Graham", "US", ("Lindsey Graham",)),
    "lavrov": ("Sergey Lavrov", "RU", ("Sergey Lavrov", "Sergei Lavrov", "Lavrov")),
    "peskov": ("Dmitry Peskov", "RU", ("Dmitry Peskov", "Peskov")),
    "medvedev": ("Dmitry Medvedev", "RU", ("Dmitry Medvedev", "Medvedev")),
    "novak": ("Alexander Novak", "RU", ("Alexander Novak",)),
    "sechin": ("Igor Sechin", "RU", ("Igor Sechin", "Sechin")),
    "jaishankar": ("S. Jaishankar", "IN", ("S. Jaishankar", "Subrahmanyam Jaishankar", "Jaishankar")),
    "puri": ("Hardeep Singh Puri", "IN", ("Hardeep Singh Puri", "Hardeep Puri")),
    "goyal": ("Piyush Goyal", "IN", ("Piyush Goyal",)),
    "ambani": ("Mukesh Ambani", "IN", ("Mukesh Ambani", "Ambani")),
    "von_der_leyen": ("Ursula von der Leyen", "", ("Ursula von der Leyen", "von der Leyen")),
    "macron": ("Emmanuel Macron", "FR", ("Emmanuel Macron", "Macron")),
    "starmer": ("Keir Starmer", "GB", ("Keir Starmer", "Starmer")),
    "merz": ("Friedrich Merz", "DE", ("Friedrich Merz",)),
    "erdogan": ("Recep Tayyip Erdogan", "TR", ("Recep Tayyip Erdogan", "Erdogan", "Erdoğan")),
    "mbs": ("Mohammed bin Salman", "SA", ("Mohammed bin Salman", "MBS")),
}
# Sources a sentence cites: check-worthy, never actors.
DATA_PROVIDERS = (
    "Kpler",
    "Vortexa",
    "Reuters",
    "Bloomberg",
    "Argus",
    "Platts",
    "S&P Global",
    "LSEG",
    "Refinitiv",
    "CREA",
    "EIA",
    "Energy Information Administration",
    "Centre for Research on Energy and Clean Air",
    "PTI",
    "Economic Times",
    "Business Standard",
)
# Days and months: dropped from the front of a name ('On Monday Jane Roe said').
TIME_WORDS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()) | frozenset(MONTHS)
TOPIC_WORDS = (
    frozenset(
        """Urals Brent WTI ESPO Murban Sokol Basrah Varandey Arab Light Heavy Medium Dated Dubai Oman CPC Blend
    Crude Oil Gas LNG Diesel Naphtha Fuel Mt Bpd Kb GDP CEO CFO Q1 Q2 Q3 Q4 FY AM PM OK AP AFP Western Eastern
    Northern Southern European Asian African Arab Gulf Middle East West Asia Europe Africa Europeans
    Westerners""".split()
    )
    | TIME_WORDS
)
TITLES = (
    "President",
    "Vice President",
    "Prime Minister",
    "Deputy Prime Minister",
    "Foreign Minister",
    "Oil Minister",
    "Energy Minister",
    "Finance Minister",
    "Petroleum Minister",
    "Minister",
    "Secretary of State",
    "Treasury Secretary",
    "Secretary",
    "Chancellor",
    "Senator",
    "Sen.",
    "Rep.",
    "Governor",
    "Ambassador",
    "Envoy",
    "Special Envoy",
    "Chairman",
    "Chief Executive",
    "CEO",
    "Spokesperson",
    "Spokesman",
    "General",
    "Gen.",
    "King",
    "Crown Prince",
    "Prince",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
)
# Last words that make a capitalised name of two or more words a company ('Acme Holdings'). Not 'Oil' or 'Gas':
# 'Sanctioned Oil' in a heading is a topic.
COMPANY_WORDS = frozenset(
    "Corp Corp. Corporation Inc Inc. Ltd Ltd. Limited PLC plc Industries Energy Petroleum Refinery Refining "
    "Bank Group Holdings Co Co. AG SA Shipping Shipyard Airlines Motors Steel Capital Partners Trading LLC".split()
)
# Words that make a capitalised name of two or more words an organisation ('Finance Ministry', 'Sanctions
# Committee').
ORG_WORDS = frozenset(
    "Ministry Department Treasury Commission Council Agency Office Bureau Fund Organisation Organization "
    "Union Parliament Congress Senate Court Committee Institute Centre Center Authority Board".split()
)
# Verbs of speech right after a name of two or three words: the name is a person ('Jane Doe said').
SPEECH_VERBS = frozenset("said says told added wrote argued warned noted stated".split())
# Capitalised words that open a sentence or a phrase and are dropped from the front of a name.
STOP_WORDS = frozenset(
    """A An The This That These Those There Then Thus Though However But And Or Nor So Yet For If In On At By Of
    To From With Without Within As After Before While When Where Which Who Whom Whose What Why How It Its He She
    They We I You His Her Their Our My Your Us Them Him Me Is Are Was Were Be Been Has Have Had Do Does Did Will
    Would Shall Should Can Could May Might Must Not No Yes All Any Some Each Every Many Most More Less Few Other
    Another Such Also Only Even Still Just Now Today Yesterday Tomorrow Meanwhile Moreover Furthermore Indeed
    Since Until Unless Although Because Despite During Against Between Among Into Over Under About Above Below
    Again Further Here Once Both Either Neither One Two Three First Second Last Next New According Said Says Let
    See Read Note Please Analysts Officials Sources Data Imports Exports Prices Refiners Traders Buyers""".split()
)
