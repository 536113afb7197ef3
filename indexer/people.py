"""Person-name extraction and alias merging.

Rule-based: capitalised name sequences (with particles such as al-, bin, van, de), cleared of
leading titles, roles, nationalities and places, rejected when they look like organisations,
months or common words. A bare surname or title-plus-surname resolves to the fullest name met in
the same article; transliteration variants (Sergei/Sergey) merge through ``name_key``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .mainblock import STOPWORDS

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOWER = "a-zß-öø-ÿā-ž"
_APOS = "'’"
_NAME_WORD = (
    rf"(?:(?:[Aa]l|[Ee]l|[Aa]d|[Aa]s|[Aa]sh|[Aa]z|[Aa]r|[Aa]t)-)?"
    rf"(?:Mc|Mac|O[{_APOS}]|D[{_APOS}])?[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?"
    rf"(?:-[{_UPPER}]?[{_LOWER}]+)*"
    rf"|[{_UPPER}]\.(?:[{_UPPER}]\.)*"
)
_PARTICLE = r"(?:al|el|bin|ibn|bint|abu|van|von|der|den|de|da|das|dos|du|del|della|di|la|le|ben|ter|zu|st\.|St\.)"
# The lookahead names the characters a name can start with: without it Python's re tries the
# whole pattern at every position of the text (twice the time). A name does not run on past the
# end of a line ("... keeper Kepa Arrizabalaga" / "Kepa Arrizabalaga will ...").
_CANDIDATE = re.compile(
    rf"(?=[{_UPPER}AaEe])(?<![\w{_APOS}-])(?:{_NAME_WORD})(?:[^\S\n]+(?:{_PARTICLE}[^\S\n]+)*(?:{_NAME_WORD}))*")
_PHOTO_NOTE = re.compile(r"\((?:photo|image|picture)[^)]*\)", re.IGNORECASE)
_PARTICLE_WORD = re.compile(_PARTICLE, re.IGNORECASE)
_INITIAL = re.compile(r"[A-Z]\.")
_COMPANY_SUFFIXES = r"Inc|Ltd|Corp|Co|PLC|Plc|LLC|GmbH|AG|SA|NV"
# After a name: a company's or a club's suffix, or what kind of publication it names ("told
# al-Riyadh newspaper"). At a name's end: a company's.
_ORG_AFTER = re.compile(rf"^\s+(?:(?:and|&)\s+(?:Co|Company|Sons)\b|(?:{_COMPANY_SUFFIXES}|FC|AFC|CF|SC|AC|Group)\b"
                        r"|(?:newspaper|magazine|daily|weekly|news agency|television|radio|TV)\b)")
_COMPANY_SUFFIX = re.compile(rf"\s(?:{_COMPANY_SUFFIXES})\.?$")
# A company's name in parts: "(Smith Barney), Harris Upham and Co".
_ORG_AFTER_COMMA = re.compile(
    rf"^,\s+(?:[{_UPPER}][\w'’-]*\s+){{1,3}}(?:and|&)\s+(?:Co|Company|Sons)\b")
# A name the sentence then calls a company: "Halcyon Marine, a subsidiary of ...", "..., a Dallas
# maker of valves." (not "Robert Gibson, the company said", "Paul Dreyer, the company's manager",
# "David Shakarian, the founder of the company").
_ORG_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:(?!of\b)[\w-]+\s+){0,3}?(?:subsidiary|unit|division|company|firm|group|maker|manufacturer"
    r"|retailer|lender|insurer|airline|carrier|startup|start-up|supplier|operator|publisher|broadcaster|chain"
    r"|brokerage|conglomerate|consortium)(?:\s+(?:of|that|which|based|in|whose|with|from|owned|controlled)\b"
    r"|\s*[,.;)])")
_POSSESSIVE = re.compile(rf"[{_APOS}]s$")
_SPEECH_AFTER = re.compile(
    r"^\s*,?\s*(?:said|says|told|added|asked|wrote|explained|insisted|noted|argued|stressed|warned"
    r"|announced|declared|replied|urged|tweeted|claimed|acknowledged|confirmed|denied|recalled|who)\b")
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|added|asked|according to|wrote|explained|quoted|replied)\s*,?\s*$")
# Before a place that completes an office or a scene: "Ambassador to (Russia Gary Koren)".
# After a name: a job in lower case and another name ("Goldman Sachs analyst Jane Doe").
_EMPLOYER_BEFORE = re.compile(
    rf"[^\S\n]+(?:(?:former|senior|chief|deputy|assistant|head|lead|top|then|star|veteran|rookie)[^\S\n]+)?"
    rf"(?:analyst|economist|manager|coach|reporter|correspondent|editor|spokesman|spokeswoman|spokesperson"
    rf"|executive|director|chairman|president|striker|midfielder|defender|goalkeeper|player|lawyer|attorney"
    rf"|strategist|trader|researcher|engineer|official|chief|adviser|advisor|aide|columnist|writer"
    rf"|defenceman|defenseman|winger|forward|captain|goaltender|goalie|quarterback|pitcher|batsman|bowler"
    rf"|all-rounder|(?:right|left)[^\S\n]+wing|centre|center|fullback|flanker|jockey|trainer|rider|driver)"
    rf"[^\S\n]+[{_UPPER}]")
_PLACE_COMPLEMENT = re.compile(r"\b(?:to|for|of|in)\s+$")
# An office named after its portfolios, the last of which runs into the holder's name:
# "Minister of Energy and (Mines Subroto)".
_PORTFOLIO_BEFORE = re.compile(
    r"\b(?:[Mm]inister|[Ss]ecretary|[Mm]inistry|[Cc]ommissioner)\s+(?:of|for)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*\s+)+(?:and|&)\s+$")
# A government office named by what it is of, before a name: "Chancellor of the Exchequer Kenneth
# Clarke", "Speaker of the House Jim Wright": the name's first word is the office's. Not "president
# of", "director of": a company's name of several words follows them ("Shearson Lehman Brothers").
_OFFICE_OF_BEFORE = re.compile(r"\b(?:[Cc]hancellor|[Ss]ecretary|[Mm]inister|[Ss]peaker|[Ll]eader)\s+of\s+(?:the\s+)?$")

TITLES = frozenset("""
mr mrs ms miss dr prof professor sir dame lord lady rev reverend father sister brother sheikh imam
rabbi president vice premier minister chancellor secretary ambassador envoy senator sen rep
representative congressman congresswoman governor gov mayor judge justice chairman chairwoman chair
chief executive ceo cfo director spokesman spokeswoman spokesperson general gen colonel col major
maj captain capt lieutenant lt sergeant sgt admiral commander officer king queen prince princess
emperor pope cardinal bishop archbishop deputy foreign defense defence interior finance prime
economy justice health education trade energy state attorney lawmaker mp mk commissioner inspector
superintendent detective coach manager striker midfielder winger substitute defender goalkeeper
forward player quarterback linebacker pitcher shortstop batsman bowler all-rounder wicketkeeper
defenceman defenseman goaltender goalie fullback flanker chancellor leader head founder
owner analyst economist professor researcher fellow
editor writer author reporter correspondent columnist anchor host actor actress singer star champion
veteran candidate nominee delegate speaker treasurer auditor prosecutor lawyer attorney councillor
councilman councilwoman alderman sheriff constable ayatollah mullah patriarch rector dean staff
investor photo photographer whip administrator priest cleric vicar chef artist poet novelist
filmmaker rapper comedian musician guitarist drummer jockey wrestler golfer cyclist astronaut
lecturer historian strategist adviser advisor aide consultant lobbyist activist campaigner trooper corporal
agent firefighter paramedic nurse surgeon physician consul diplomat supervisor assemblyman assemblywoman
councilmember magistrate coroner harbourmaster harbormaster headmaster headmistress postmaster
principal teacher resident student pupil volunteer trustee scientist midwife pharmacist homeowner shopkeeper
""".split())
# Roles that open a sentence before a name ("Parent Rawiri Tane said", "Farmer Ian Reid") and are
# surnames elsewhere ("Paul Farmer", "Adam Driver"): a title only at a sentence's start.
_ROLE_STARTERS = frozenset("parent farmer driver grower fisherman skipper pilot builder ranger".split())
# Party affiliations too, which news writes as it writes nationalities ("Ohio Democrat Howard Metzenbaum").
NATIONALITIES = frozenset("""
democrat republican american british english scottish welsh irish french german italian spanish portuguese dutch belgian
swiss austrian swedish norwegian danish finnish icelandic polish czech slovak hungarian romanian
bulgarian greek turkish russian ukrainian belarusian serbian croatian bosnian albanian israeli
palestinian syrian lebanese jordanian egyptian iraqi iranian saudi emirati qatari kuwaiti yemeni
omani afghan pakistani indian bangladeshi chinese japanese korean vietnamese thai indonesian
malaysian filipino australian canadian mexican brazilian argentine argentinian chilean colombian
peruvian venezuelan cuban nigerian kenyan ethiopian african european asian arab muslim christian
jewish catholic democratic republican conservative liberal socialist frenchman frenchwoman englishman
englishwoman dutchman scotsman irishman welshman countryman compatriot zealander soviet yugoslav
czechoslovak slovenian macedonian latinos latinas hispanic hispanics libertarian labour tory
""".split())
PLACES = frozenset("""
america usa us uk britain england scotland wales ireland france germany italy spain portugal
netherlands holland belgium switzerland austria sweden norway denmark finland iceland poland russia
ukraine belarus serbia croatia bosnia albania greece turkey israel palestine syria lebanon
egypt iraq iran arabia emirates qatar kuwait yemen oman afghanistan pakistan india china japan korea
vietnam thailand indonesia malaysia philippines australia canada mexico brazil argentina chile
colombia peru venezuela cuba nigeria kenya ethiopia africa europe asia moscow london paris berlin
rome madrid washington jerusalem tel aviv gaza beirut damascus tehran baghdad cairo riyadh ankara
istanbul kiev kyiv beijing tokyo delhi brussels geneva vienna munich astana kazakhstan kremlin north
south east west middle central eastern western northern southern new york los angeles san
chicago texas california florida city county district province region valley river island islands
bay coast street avenue road square beach heights falls springs mountain
hongkong hong kong sri lanka singapore taiwan bangladesh nepal burma myanmar cambodia laos mongolia
tibet zealand ecuador bolivia paraguay uruguay panama nicaragua honduras guatemala haiti jamaica morocco
algeria tunisia libya sudan somalia uganda tanzania zambia zimbabwe angola mozambique namibia botswana
ghana senegal cameroon congo zaire gabon liberia rwanda burundi luxembourg monaco malta cyprus estonia
latvia lithuania moldova armenia azerbaijan uzbekistan seoul shanghai bombay mumbai karachi lagos
nairobi johannesburg melbourne toronto montreal ottawa vancouver frankfurt zurich hamburg milan
amsterdam rotterdam stockholm oslo copenhagen helsinki warsaw prague budapest bucharest belgrade
athens lisbon dublin edinburgh glasgow manila jakarta bangkok hanoi taipei osaka brasilia caracas
bogota havana rica scotia
hungary romania bulgaria czechoslovakia slovakia yugoslavia slovenia macedonia montenegro ussr bahrain
dubai doha muscat manama kabul islamabad lahore calcutta madras dhaka colombo kathmandu rangoon
kampuchea ceylon rhodesia brunei macau macao fiji papua mauritius madagascar malawi mali benin togo
guinea gambia mauritania tripoli tunis algiers rabat casablanca khartoum lima quito montevideo
asuncion aires bahamas barbados trinidad tobago guyana suriname belize peking canton bonn cologne
dusseldorf stuttgart leipzig dresden antwerp marseille turin naples venice genoa barcelona seville
gothenburg kobe nagoya yokohama kyoto pusan busan guangzhou shenzhen tianjin wuhan saigon
auckland canberra brisbane bangalore minsk riga tallinn vilnius tbilisi yerevan baku tashkent almaty
boston detroit atlanta miami philadelphia seattle denver pittsburgh baltimore minneapolis
calgary edmonton winnipeg
alabama alaska arizona arkansas colorado connecticut delaware hawaii idaho illinois iowa kansas kentucky
louisiana maryland massachusetts michigan minnesota mississippi missouri nebraska nevada ohio oklahoma
oregon pennsylvania utah vermont wisconsin wyoming jersey hampshire ontario quebec alberta manitoba
saskatchewan queensland tasmania fort puerto hk capitol calif conn fla mich minn tex ariz colo okla wis va
""".split())
# Places of more than one word that read as a name ("El Salvador", "Kuala Lumpur"): their words are
# people's names elsewhere (Salvador Dali, Sergio Leone), so they are known as a whole.
PLACE_NAMES = frozenset("""
el salvador|san salvador|sierra leone|burkina faso|costa rica|sri lanka|puerto rico|hong kong|abu dhabi
|dar es salaam|addis ababa|kuala lumpur|johor bahru|kota kinabalu|phnom penh|ho chi minh city|chiang mai
|la paz|santo domingo|san jose|san juan|buenos aires|rio de janeiro|sao paulo|belo horizonte|porto alegre
|mar del plata|tierra del fuego|ciudad juarez|quintana roo|baja california|santa fe|santa cruz|santa barbara
|santa clara|santa monica|san francisco|san diego|san antonio|los angeles|las vegas|las palmas|los alamos
|baton rouge|des moines|salt lake city|el paso|st louis|st. louis|saint louis|st petersburg|st. petersburg
|saint petersburg|nizhny novgorod|le havre|le mans|la rochelle|monte carlo|costa del sol|cape town
|port elizabeth|port said|port moresby|port louis|tel aviv|new delhi|west bank|new south wales
|nova scotia|new brunswick|british columbia|rhode island|north dakota|south dakota|north carolina
|south carolina|west virginia|new mexico|new hampshire|new jersey|cote d'ivoire|ivory coast|papua new guinea
|trinidad and tobago|sao tome|guinea bissau|equatorial guinea|saudi arabia|united arab emirates|wall street
""".replace("\n", "").split("|"))
ORG_WORDS = frozenset("""
ministry department committee commission council party parliament senate congress assembly court
university college school institute academy agency bureau office authority union nations
organization organisation association federation league club team fc united group company corp
corporation inc ltd plc llc bank fund trust foundation society news post times herald tribune
journal gazette daily press agency television tv radio network airlines airways motors industries
systems technologies software labs rovers athletic wanderers ferries park gardens holdings partners
capital conference convention summit forum festival awards cup championship games olympics state states
republic kingdom army navy force forces police guard brigade hospital church mosque synagogue temple
museum theatre theater centre center hotel airport station stadium arena market exchange board
service services affairs security defense defence project program programme initiative movement
front alliance coalition council cabinet government administration embassy consulate newsroom desk bureau
series shield trophy sea ocean gulf
strait democrats republicans socialists conservatives liberals greens industry industries reuters afp
tass xinhua bloomberg interfax itar co treasury images banque banco bancorp credit societe compagnie
industrie nationale generale telegraph telephone countries international tanjug kyodo
amphitheatre amphitheater pavilion coliseum auditorium speedway raceway ballpark stage courant chronicle
magazine report insider opec nato unesco unicef interpol fifa uefa nasa house brothers securities banca
utilities product products enterprise enterprises equity rights intelligence departments ministries committees
tire tires electric electronics foods dynamics instruments semiconductor semiconductors computers
chemicals savings insurance mortgage investors associates railway railways railroad shipping oil
resources technology research division partnership limited stores leasing cooperative cooperatives mutual
agence agencia groupe presse prensa act operation genomics institution institutions observatory directorate
suites watch aggregates materials minerals mining metals quarries builders construction logistics
renewables maritime seafood fisheries
prize award challenge vote science works pro ultra lite wings sox
""".split())
# Companies whose names lead their products' ("Amazon Echo Dot", "Google Assistant").
BRANDS = frozenset("""
amazon apple google microsoft samsung intel sony nintendo netflix disney nvidia huawei xiaomi ibm
verizon comcast walmart boeing toyota volkswagen bmw audi hyundai siemens
""".split())
ORG_WORDS |= BRANDS
# Share buttons and platforms run into names in scraped text ("Facebook Twitter Bernard Sansaricq").
PLATFORMS = frozenset("facebook twitter instagram linkedin whatsapp youtube pinterest reddit tiktok telegram".split())
CALENDAR = frozenset("""
january february march april may june july august september october november december jan feb mar
apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
""".split())
_PARTING_WORDS = PLACES | PLATFORMS | CALENDAR | NATIONALITIES | TITLES
# Picture agencies, whose credit ends a caption that runs into the next line ("| Getty Trump needles
# Clinton"): not a first name, though Getty is a surname ("Premier Don Getty").
PICTURE_AGENCIES = frozenset("getty shutterstock istock istockphoto alamy".split())
COMMON_STARTERS = frozenset("""
a an the this that these those it its he she they we you i his her their our my your but and or so another
yet if when while after before since as at in on of for from to by with without about over under
into onto during despite although though however meanwhile moreover also according asked both each
every some many most more few all any no not none there here then what which who whom whose where
why how yes also just only even still again once neither either later earlier instead
finally separately similarly indeed already eventually overall currently recently previously
initially ultimately nevertheless nonetheless otherwise besides thus therefore hence perhaps maybe
certainly clearly obviously unfortunately fortunately sadly surprisingly interestingly importantly
notably specifically additionally furthermore consequently accordingly elsewhere afterwards soon
now today tonight yesterday tomorrow sometimes often usually never always like unlike including
following among amid against between through within until upon via whether because unless one two
three four five six seven eight nine ten eleven twelve behind beyond above below across along around
near toward towards beside inside outside throughout except excluding regarding concerning whereas whilst
follow make watch read see meet join visit get click listen subscribe download share check find take let
learn discover explore register
""".split())
# Words that are never part of a name, whatever their case ("Same Period Last Year" in a table).
COMMON_WORDS = COMMON_STARTERS | STOPWORDS | frozenset("""
week weeks year years month months day days ago last next same period basis total net average date
time today tomorrow yesterday per cent percent up down high low new old first second third final
hundred thousand million billion dlrs
economic economics cooperation development currency units trade tariffs agreement policy studies
business federal reserve securities investment investments financial monetary petroleum exporting
energy agriculture commerce statistics finance affairs
export exports import imports markets sales production output consumer personal public private
computer computers data information management industrial commercial agricultural natural soybean crop
bulletin drilling contractors shopping notes index stock stocks prices indicators focus relations
questions analysis mode category bible universe correction multiple scout
""".split())
# Words that stand before a name without being part of it: "Senator", "Libertarian", "Former".
_NOT_A_NAME_WORD = COMMON_WORDS | TITLES | NATIONALITIES
# Plural nouns that open sentences before a verb of speech ("Analysts said") but name no one.
GROUP_NOUNS = frozenset("""
analysts economists critics officials experts residents patients employees retailers prosecutors
engineers others police researchers doctors nurses teachers parents supporters fans voters investors
farmers workers witnesses protesters lawyers scientists sources authorities leaders members
ministers observers diplomats historians students locals neighbours neighbors organisers organizers
officers customers passengers commuters tenants landlords builders developers owners shoppers staff
colleagues friends relatives family families both many some several most few police people everyone
everybody nobody anyone someone children women men girls boys dealers traders bankers brokers
exporters importers producers growers shippers buyers sellers merchants manufacturers operators
insiders executives directors managers spokesmen representatives negotiators participants
reps sens senators congressmen lawmakers legislators governors democrats republicans
suppliers shareholders contractors consumers drivers pilots fishermen volunteers pupils donors
""".split())
# Contexts in which a capitalised name is a place or a thing: "in Port Alder", "the Kremlin".
_LOCATIVE_WORDS = ("in", "at", "near", "across", "outside", "inside", "around", "into", "toward", "towards",
                   "throughout", "from")
_LOCATIVE_BEFORE = re.compile(rf"(?:\b(?:{'|'.join(_LOCATIVE_WORDS)})\s+(?:the\s+)?|\bthe\s+|@\s*)$")
# What the text before a locative name ends with, white space aside: tested before the pattern.
_LOCATIVE_ENDS = (*_LOCATIVE_WORDS, "the", "@")
# Spellings that transliteration spreads over one name: folded to one key when merging.
_VARIANTS = {
    "sergey": "sergei", "dmitri": "dmitry", "dmitriy": "dmitry", "alexey": "alexei",
    "aleksei": "alexei", "aleksey": "alexei", "yuriy": "yuri", "yury": "yuri", "andrey": "andrei",
    "nikolay": "nikolai", "yevgeny": "evgeny", "yevgeni": "evgeny", "evgeni": "evgeny",
    "mohammed": "muhammad", "mohammad": "muhammad", "mohamed": "muhammad", "muhammed": "muhammad",
    "mohamad": "muhammad", "mahmud": "mahmoud", "hussain": "hussein", "husain": "hussein",
    "osama": "usama", "moammar": "muammar", "qaddafi": "gaddafi", "gadhafi": "gaddafi",
    "kadhafi": "gaddafi", "qadhafi": "gaddafi", "vasily": "vasili",
    "maksim": "maxim", "oleksandr": "alexander", "aleksandr": "alexander", "alexandr": "alexander",
    "lieberman": "liberman",
}


@dataclass(frozen=True)
class _Mention:
    words: tuple[str, ...]
    cue: bool  # a title, role or verb of speech stands beside it
    start: int
    locative: bool = False  # "in X", "at X": the place words of a sentence
    employer: bool = False  # "X manager Y", "X analyst Y": whom someone works for
    someone: bool = False  # a title or a role in lower case leads it: "golfer Arnold Palmer"


@dataclass
class Names:
    """The names an article uses: its people, and the capitalised names it uses as places."""

    people: list[str]
    places: list[str]


def extract_people(*texts: str) -> list[str]:
    """The persons named in an article's texts (headline, summary, captions, body), in order of
    first mention, each once under its fullest name."""
    return extract_names(*texts).people


def extract_names(*texts: str) -> Names:
    """People and place-like names of an article's texts (see ``extract_people``)."""
    mentions: list[_Mention] = []
    organisations: set[str] = set()
    organisation_leads: set[str] = set()
    companies: dict[tuple[str, ...], str] = {}
    for text in texts:
        if text and not _title_cased(text) and not _capitalises_nouns(text):
            found, orgs, leads, named = _mentions(text)
            mentions += found
            organisations |= orgs
            organisation_leads |= leads
            companies.update(named)
    vocabulary = _LowerCaseWords(texts)
    # A company suffix outweighs a speech cue: companies "said" as often as people do.
    places = _place_names(mentions) | companies.keys()
    # Names only ever written as someone's employer ("Goldman Sachs analyst Jane Doe", "Former
    # Liverpool manager Jurgen Klopp") are companies and clubs.
    no_one = places
    if any(m.employer for m in mentions):
        no_one = places | ({name_key(" ".join(m.words)) for m in mentions if m.employer}
                           - {name_key(" ".join(m.words)) for m in mentions if not m.employer})
    # A name made only of the words that lead an organisation's is that organisation ("Van Loon's
    # bid", after "Van Loon Maritime"), unless a title says it is someone's ("golfer Arnold Palmer",
    # after "Arnold Palmer Hospital").
    if organisation_leads:  # most articles name no organisation: nothing to look at
        someones = {name_key(" ".join(m.words)) for m in mentions if m.someone}
        leading = {key for m in mentions if (key := name_key(" ".join(m.words))) and set(key) <= organisation_leads}
        no_one = no_one | (leading - someones)
    full: list[_Mention] = [m for m in mentions if _length(m) >= 2 and _plausible(m, vocabulary)
                            and name_key(" ".join(m.words)) not in no_one
                            and " ".join(m.words).lower() not in PLACE_NAMES]
    people: dict[tuple[str, ...], str] = {}
    by_part: dict[str, tuple[str, ...]] = {}
    # Most articles name no one by a particle and surname ("von der Leyen"): no need to look.
    particle_led = any(_PARTICLE_WORD.fullmatch(mention.words[0]) for mention in full)
    for mention in full:
        written = " ".join(mention.words)
        key = name_key(written)
        if not key:
            continue
        merged = next((k for k in people if _same_person(k, key)
                       or (particle_led and _ends_alike(people[k], written))), None)
        if merged is None:
            people[key] = " ".join(mention.words)
            merged = key
        elif len(key) > len(merged):
            # A fuller form ("Bashar al-Assad" after "Bashar Assad", "Denis Bra Kanon" after "Bra
            # Kanon") becomes the display name, in the place of the first mention; not with a
            # common word before the name ("Libertarian Gary Johnson", "Exposes Paul Combetta").
            before = mention.words[:len(mention.words) - len(people[merged].split())] if key[0] != merged[0] else []
            fuller = len(mention.words) > len(people[merged].split()) and not any(
                word.lower() in vocabulary or word.lower() in _NOT_A_NAME_WORD for word in before)
            shown = written if fuller else people[merged]
            people = {(key if k == merged else k): (shown if k == merged else name) for k, name in people.items()}
            merged = key
        # The parts of the form met too: "Ortiz" is "Ortiz Mena", merged into "Antonio Ortiz Mena".
        for part in (merged[-1], merged[0], key[0]):
            by_part.setdefault(part, merged)
    for mention in mentions:
        if _length(mention) != 1:
            continue
        key = name_key(" ".join(mention.words))
        if not key or key[0] in by_part:
            continue
        if mention.cue and _plausible(mention, vocabulary) and key not in places and key[0] not in organisations:
            people.setdefault(key, " ".join(mention.words))
            by_part[key[0]] = key
    place_names = {name_key(" ".join(m.words)): " ".join(m.words) for m in mentions if m.locative}
    place_names.update(companies)
    return Names(list(people.values()), [name for key, name in place_names.items() if key in places])


def _portfolio_before(text: str, start: int) -> bool:
    """Whether ``_PORTFOLIO_BEFORE`` ends at ``start``; the pattern is only tried after "and " or "& ",
    which it ends with (searching every name's 60 characters before cost a twelfth of finding names)."""
    before = text[max(0, start - 60):start]
    bare = before.rstrip()
    return len(bare) < len(before) and bare.endswith(("and", "&")) and bool(_PORTFOLIO_BEFORE.search(before))


def _office_before(text: str, start: int) -> bool:
    """Whether ``_OFFICE_OF_BEFORE`` ends at ``start``; the pattern is only tried after "of " and
    "of the "."""
    before = text[max(0, start - 40):start]
    return before.endswith(("of ", "of the ")) and bool(_OFFICE_OF_BEFORE.search(before))


def _locative_before(text: str, start: int) -> bool:
    """Whether a place's preposition or article ends at ``start`` ("in ", "near the "); the pattern
    is only tried after the words it ends with."""
    before = text[max(0, start - 20):start]
    return before.rstrip().endswith(_LOCATIVE_ENDS) and bool(_LOCATIVE_BEFORE.search(before))


def _role_before(text: str, start: int) -> bool:
    """Whether a role in lower case stands just before ``start`` ("golfer ", "chief executive ")."""
    words = text[max(0, start - 20):start].split()
    return bool(words) and words[-1].islower() and words[-1] in TITLES


def _length(mention: _Mention) -> int:
    """How many words a mention's name has, "St." of "St. Germain" not counted."""
    return len(mention.words) - mention.words.count("St.")


def _place_names(mentions: list[_Mention]) -> set[tuple[str, ...]]:
    """Names the article uses as places or things ("in Port Alder", "the Kremlin") and never with a
    person's cue."""
    located, cued = set(), set()
    for mention in mentions:
        key = name_key(" ".join(mention.words))
        (located if mention.locative else cued if mention.cue else set()).add(key)
    return located - cued


_APOSTROPHES = re.compile(r"['’`]")
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|az|ar|at)-")
_NON_LETTERS = re.compile(r"[^a-z]")
# "St." is part of the surname it precedes: "Fernand St. Germain" is later "St. Germain".
_SAINT = re.compile(r"\bst\.\s+(?=\w)")


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> tuple[str, ...]:
    """A comparison key for a name: accents folded, lower case, transliteration variants merged.

    Hyphenated and apostrophe names stay one word (Mensah-Adjei, O'Connell); particles drop out
    (al-Rashid and Rashid share a key).
    """
    folded = unicodedata.normalize("NFKD", name)
    if not folded.isascii():
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = _APOSTROPHES.sub("", folded.lower())
    if "st." in folded:
        folded = _SAINT.sub("st", folded)
    words = []
    for word in folded.split():
        word = _NON_LETTERS.sub("", _ARTICLE_PREFIX.sub("", word))
        if word and word not in _KEY_PARTICLES:
            words.append(word)
    if len(words) >= 3:
        # A middle initial is a spelling, not another person: "Donald J. Trump" is "Donald Trump".
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return tuple(_fold_spelling(_VARIANTS.get(w, w)) for w in words)


_KEY_PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "von", "de", "da", "der", "den", "di", "du", "la",
                            "le"})


def _fold_spelling(word: str) -> str:
    # The commonest transliteration drift: "ks"/"x" (Aleksandrov, Alexandrov) and the endings
    # "-ey"/"-iy"/"-y" (Sergey, Dmitriy, Dmitri).
    word = word.replace("ks", "x")
    for ending, replacement in (("iy", "i"), ("ey", "ei"), ("y", "i")):
        if word.endswith(ending) and len(word) > 4:
            return word[: -len(ending)] + replacement
    return word


def _ends_alike(a: str, b: str) -> bool:
    """A surname with its particle is the end of a full name: "Von der Leyen" (at a sentence's
    start) and "van Boxmeer" are "Ursula von der Leyen" and "Jean van Boxmeer". Their keys
    ("leyen") would not do: "Al Gore" is not "Tipper Gore"."""
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return longer.lower().endswith(" " + shorter.lower()) and bool(_PARTICLE_WORD.fullmatch(shorter.split()[0]))


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    # "Donald Trump" of "Donald J. Trump"; a double surname of the whole name ("Bra Kanon" of
    # "Denis Bra Kanon", "Ortiz Mena" of "Antonio Ortiz Mena").
    return (shorter[0] == longer[0] and shorter[-1] == longer[-1]) \
        or (len(shorter) >= 2 and longer[-len(shorter):] == shorter)


# A line of a results table ("Maccabi Haifa 1 Hapoel Taibe 1", "Betar Jerusalem 12 10 2 0 28 7 32"):
# the names in it are teams'.
_RESULTS_LINE = re.compile(r"[^\S\n]*[A-Z][^\d\n]*?[^\S\n]\d{1,3}(?:[^\S\n]+[A-Z][^\d\n]*?[^\S\n]\d{1,3}"
                           r"|(?:[^\S\n]+\d{1,3}){3,})[^\S\n]*")


def _results_lines(text: str) -> list[tuple[int, int]]:
    """Where the lines of results tables are in ``text``, as (start, end). Only lines ending in a
    digit are tried: the pattern, tried at every line, cost a seventh of finding the names."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.rstrip()[-1:].isdigit() and _RESULTS_LINE.fullmatch(line):
            spans.append((start, end))
        start = end + 1
    return spans


# A team's score after its name, before its scorers ("Bochum 2 (Wosz 89th)"), or after another
# team's scorers (") Hansa Rostock 0.").
_SCORE_AFTER = re.compile(r"[^\S\n]+\d{1,3}[^\S\n]*\(")
_SCORE = re.compile(r"[^\S\n]+\d{1,3}\b")
_NUMBER_AFTER = re.compile(r"[^\S\n]+\d")
_SCORE_BEFORE = re.compile(r"\d[^\S\n]*$")
# A scorer's minute after the name, in a result's brackets: "(Stickroth 30th pen, Wosz 89th)".
_MINUTE_AFTER = re.compile(r"[^\S\n]+\d{1,3}(?:st|nd|rd|th)?(?:[^\S\n]+(?:pen|penalty|og))?[^\S\n]*(?:[,;)]|and\b)")
# A street address: a house number before a name ending in a kind of street ("of 1909 Jolinda Drive",
# "1119 Eighth St."), as local papers' police and court reports give where people live.
_HOUSE_NUMBER_BEFORE = re.compile(r"\b\d{1,6}[A-Za-z]?[^\S\n]+$")
_STREET_KINDS = frozenset("""
street st avenue ave road rd drive dr lane ln place pl court ct boulevard blvd way terrace circle parkway pkwy
highway hwy trail crescent close square
""".split())


def _team_in_result(text: str, start: int, end: int) -> bool:
    """Whether a name is a team's in a result: before its score and scorers' brackets, or after
    the other team's brackets on the same line."""
    before = text[max(0, start - 3):start]
    return bool(_SCORE_AFTER.match(text, end)) or (
        "\n" not in before and before.rstrip().endswith(")") and bool(_SCORE.match(text, end)))


def _scorer(text: str, start: int, end: int) -> bool:
    """Whether a name is a scorer's, in brackets after a team's score: "(Kirsten 18th, Ramelow 56th)"."""
    if not _MINUTE_AFTER.match(text, end):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    opened = text.rfind("(", line_start, start)
    return opened != -1 and ")" not in text[opened:start] and bool(_SCORE_BEFORE.search(text, line_start, opened))


def _mentions(text: str) -> tuple[list[_Mention], set[str], set[str], dict[tuple[str, ...], str]]:
    """Candidate name mentions; the words of organisation names ("Halcyon" of "Halcyon
    Systems"), which are not people when they stand alone; those of them that lead to a word
    naming an organisation ("Van Loon" of "Van Loon Maritime"); and the names a company suffix
    shows to be companies' ("Morgan Stanley" of "Morgan Stanley and Co Inc"), by key."""
    # Editorial brackets ("[Syrian President Bashar] Assad") join the name they split.
    text = text.replace("[", "").replace("]", "")
    text = _PHOTO_NOTE.sub("", text)
    found = []
    organisations: set[str] = set()
    leads: set[str] = set()
    companies: dict[tuple[str, ...], str] = {}
    tables = _results_lines(text)
    for match in _CANDIDATE.finditer(text):
        candidate, start, end = match.group(0), match.start(), match.end()
        scored = _NUMBER_AFTER.match(text, end) is not None  # the cheap test the next two need
        if (tables and any(a <= start < b for a, b in tables)) or (scored and _team_in_result(text, start, end)):
            continue  # a team's name in a results table or a result ("Bayer Leverkusen 2 (Kirsten 18th)")
        if candidate.rsplit(None, 1)[-1].rstrip(".").lower() in _STREET_KINDS \
                and _HOUSE_NUMBER_BEFORE.search(text, max(0, start - 8), start):
            organisations |= _name_keys(candidate)  # an address: its words are no one's
            continue
        runs, titled, organisation, place_led = _reading(candidate, _starts_sentence(text, start))
        if candidate.count(" ") >= 2 and _office_before(text, start):
            # The office's own word first ("Exchequer", "House"), then the office holder's name.
            runs, titled, organisation, place_led = _reading(candidate.split(" ", 1)[1], False)
            titled = bool(runs)
        if not (runs or organisation):
            continue  # a sentence opener, a place or a title alone: nothing to read around it
        if place_led and not _PLACE_COMPLEMENT.search(text[max(0, start - 5):start]):
            # A company's, a team's or a thing's name, unless the place completes an office
            # ("Ambassador to Russia Gary Koren", "Governor of the Bank of England Robin ...").
            organisations |= organisation | {key for run in runs for word in run for key in name_key(word)}
            continue
        in_parts = _ORG_AFTER_COMMA.match(text[end:end + 60])
        # Not "Thomas McKiernan, McKiernan and Co chairman": his own firm.
        suffixed = bool(_ORG_AFTER.match(text[end:end + 14])) or (
            in_parts is not None and not set(candidate.split()) & set(in_parts.group(0).split())) \
            or bool(_ORG_APPOSITION.match(text, end, end + 50))
        if suffixed or (organisation and _COMPANY_SUFFIX.search(candidate)):
            # "Morgan Stanley and Co Inc", "Merrill Lynch Capital Markets Inc": a company's name.
            company = _company_name(candidate)
            if company:
                companies[name_key(company)] = company
        if suffixed:
            # "Port Alder FC", "Halcyon Systems Inc": an organisation's name, its words no one's.
            organisations |= _name_keys(candidate)
            continue
        organisations |= organisation
        leads |= organisation
        if not runs:
            continue
        if _portfolio_before(text, start) and runs[0][0] == candidate.split()[0]:
            if len(runs[0]) == 1 or text[end:end + 1] == ",":
                continue  # the portfolio alone: "Minister of Regional and Industrial Expansion, Michel Cote"
            runs, titled = (runs[0][1:], *runs[1:]), True
        # "in Port Alder" and "The White House said" are places and things; "in Okafor's view" is not.
        locative = (candidate.startswith("The ") or _locative_before(text, start)) \
            and not _POSSESSIVE.search(candidate)
        spoken = bool(_SPEECH_AFTER.match(text[end:end + 30])) \
            or bool(_SPEECH_BEFORE.search(text[max(0, start - 30):start])) or (scored and _scorer(text, start, end))
        employer = bool(_EMPLOYER_BEFORE.match(text, end, end + 40))
        # Someone's, whatever else the name is: a title in it or a role before it ("golfer Arnold Palmer").
        someone = titled or _role_before(text, start)
        for run in runs:
            found.append(_Mention(run, titled or spoken, start, locative and not titled, employer, someone))
            titled = someone = False
    return found, organisations, leads, companies


def _company_name(candidate: str) -> str:
    """The name a company goes by without its suffix and kind ("Merrill Lynch" of "Merrill Lynch
    Capital Markets Inc"), leading titles and sentence openers dropped."""
    words, _ = _strip_leading(candidate.split(), True)
    while words and _is_org_word(words[-1].lower()):
        words.pop()
    return " ".join(words)


def _is_org_word(lower: str) -> bool:
    """A word for what kind of organisation a name is ("Capital Markets", "Inc"), not a brand."""
    return (lower in ORG_WORDS or (lower.endswith("s") and lower[:-1] in ORG_WORDS)) and lower not in BRANDS


# Titles that are no one's surname (unlike Major, King or Dean): ending a run of capitalised words,
# they say the words before them name an office, not a person.
_OFFICES = frozenset("""
chief president chairman chairwoman director minister secretary spokesman spokeswoman spokesperson
analyst correspondent official executive staff leader editor economist adviser advisor administrator aide
strategist consultant lobbyist historian lecturer diplomat
""".split())


# Titles that are also surnames.
_SURNAME_TITLES = frozenset("major king dean bishop judge marshal prince pope cardinal".split())
# A Korean given name as news romanises it: two syllables joined by a hyphen ("Geun-hye", "Ji-sung").
# Beside one, "Park" is the surname of one Korean in twelve, not a park.
_KOREAN_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{2,5}")


# Names recur within an article and across a corpus: what a candidate's words say on their own
# is worked out once; only the words around each mention are read every time.
@functools.lru_cache(maxsize=65536)
# A name is read the same way wherever it stands: the corpus's names and sentence openers recur.
@functools.lru_cache(maxsize=65536)
def _reading(candidate: str,
             sentence_start: bool) -> tuple[tuple[tuple[str, ...], ...], bool, frozenset[str], bool]:
    """A candidate's runs of name words (leading titles, places and sentence-opening words
    stripped), whether a title led it, the words it shows to be an organisation's, and whether a
    place led it straight into its words."""
    written = candidate.split()
    words = [_POSSESSIVE.sub("", w) for w in written]
    if len(words) >= 2 and words[-1].lower() in _OFFICES:
        # "White House Chief (of Staff Howard Baker)": the words before a title name its office.
        return (), False, frozenset(), False
    kept, titled = _strip_leading(words, sentence_start)
    before = len(words) - len(kept) - 1  # the last word stripped
    # A place that runs into other words, as in "Kentucky Fried Chicken", "New York Yankees" (but
    # not "Texas Governor Bill Clements" or "Britain's Margaret Thatcher").
    place_led = bool(kept) and not titled and before >= 0 and words[before].lower() in PLACES \
        and not _POSSESSIVE.search(written[before])
    words, organisation = kept, frozenset()
    first_org = next((i for i, w in enumerate(words) if w.lower() in ORG_WORDS), None)
    if first_org is not None:
        # The words that lead to it name it ("Van Loon" of "Van Loon Maritime"); words after it
        # may be anyone's ("Congress Maxine Waters", in a headline's capitals).
        organisation = frozenset(k for w in words[:first_org] for k in name_key(w))
    return tuple(map(_once, _split_at_places(words))), titled, organisation, place_led


def _once(run: list[str]) -> tuple[str, ...]:
    """A run of name words, a name written twice in a row once ("Sir John Hawkins John Hawkins's
    book")."""
    half = len(run) // 2
    if len(run) >= 4 and len(run) % 2 == 0 and run[:half] == run[half:]:
        return tuple(run[:half])
    return tuple(run)


@functools.lru_cache(maxsize=65536)
def _name_keys(candidate: str) -> frozenset[str]:
    return frozenset(k for w in candidate.split() for k in name_key(w))


def _strip_leading(words: list[str], sentence_start: bool) -> tuple[list[str], bool]:
    titled = False
    # "Police Commissioner Helen Ashworth", "Port Alder FC striker": everything up to the last
    # title word is the title, whatever organisation or place it names.
    last_title = max((i for i, w in enumerate(words[:-1]) if _is_title(w)), default=None)
    if last_title is not None:
        words, titled, sentence_start = words[last_title + 1:], True, False
    while words:
        lower = words[0].lower().rstrip(".")
        if _is_title(words[0]) or (sentence_start and lower in _ROLE_STARTERS and len(words) > 1):
            titled = True
        elif not (_parts_names(lower) or lower in PICTURE_AGENCIES or (sentence_start and lower in COMMON_STARTERS)
                  or (len(words) > 2 and _place_people(lower))):
            break
        words = words[1:]
        sentence_start = False
    return words, titled


def _is_title(word: str) -> bool:
    lower = word.lower().rstrip(".")
    return lower in TITLES or ("-" in lower and any(part in TITLES for part in lower.split("-")))


def _parts_names(lower: str) -> bool:
    """A word that stands between names or before one: a place ("U.S." too), a share button's
    platform, a month or a day, a nationality or demonym, a title."""
    if lower in _PARTING_WORDS:
        return True
    if "." in lower:
        return lower.replace(".", "") in PLACES
    return _is_nationality(lower)


def _is_nationality(lower: str) -> bool:
    """A nationality or demonym, also plural or hyphenated ("Italians", "Indian-Americans", "Frenchmen")."""
    if lower in NATIONALITIES or (lower[-1:] == "s" and lower[:-1] in NATIONALITIES):
        return True
    if "-" in lower:
        return all(map(_is_nationality, lower.split("-")))
    return lower.endswith("men") and lower[:-3] + "man" in NATIONALITIES


def _place_people(lower: str) -> bool:
    """The people of a place ("Queenslander", "Londoners"): before a name, as a nationality is
    ("Queenslander Daniel Herbert"); not elsewhere, where it is as likely a surname ("Hollander")."""
    singular = lower.removesuffix("s")
    return singular.endswith("er") and singular[:-2] in PLACES


def _split_at_places(words: list[str]) -> list[list[str]]:
    runs, current, after_place = [], [], False
    for number, word in enumerate(words):
        lower = word.lower()
        if current and number == len(words) - 1 and lower in _SURNAME_TITLES:
            current.append(word)  # "John Major", "Larry King": a title ending a name is its surname
            continue
        if lower in ORG_WORDS and not (lower == "park" and any(map(_KOREAN_GIVEN_NAME.fullmatch, words))):
            return []  # an organisation's name, not a person's
        if _parts_names(lower):
            # Names that run into a place, or out of one, are an organisation's, a team's or a
            # thing's ("Statistics Canada", "Ajax Amsterdam", "Oregon Steel Mills").
            if current and lower not in PLACES and not after_place:
                runs.append(current)
            current, after_place = [], lower in PLACES
        else:
            current.append(word)
    if current and not after_place:
        runs.append(current)
    return [run for run in runs if 1 <= len(run) <= 5]


# Words that lead the names of places and storms, not of people.
_PLACE_AND_STORM_WORDS = frozenset({"port", "fort", "cape", "mount", "camp", "hurricane", "typhoon", "cyclone",
                                    "storm"})


def _plausible(mention: _Mention, vocabulary: _LowerCaseWords) -> bool:
    words = [w for w in mention.words if not _PARTICLE_WORD.fullmatch(w)]
    if not words or all(_INITIAL.fullmatch(w) for w in words):
        return False
    if len(words) == 1 and (words[0].lower() in GROUP_NOUNS or _plural_title(words[0])):
        return False
    if len(words) > 1 and words[0].lower() in _PLACE_AND_STORM_WORDS:
        return False  # Port Alder, Fort Worth, Cape Town, Camp David, Hurricane Harvey
    # A capitalised word that the article also writes in lower case is a common word ("Security").
    common = sum(1 for w in words if w.lower() in vocabulary or w.lower() in COMMON_WORDS)
    return common == 0 or (mention.cue and common < len(words))


def _plural_title(word: str) -> bool:
    """A role's plural, opening a sentence as a group does ("Councillors voted", "Senators said")."""
    lower = word.lower()
    return lower.endswith("s") and (lower[:-1] in TITLES or (lower.endswith("es") and lower[:-2] in TITLES))


class _LowerCaseWords:
    """Whether an article writes a word in lower case, standing alone ("security", not "Security"
    or "cyber-security"). Asked about a few dozen name words per article, so each is looked for
    when asked rather than the article's whole vocabulary collected first."""

    def __init__(self, texts: tuple[str, ...]) -> None:
        self._text = "\n".join(text for text in texts if text)
        self._answers: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        answer = self._answers.get(word)
        if answer is None:
            answer = self._answers[word] = word.isalpha() and word.islower() and self._alone(word)
        return answer

    def _alone(self, word: str) -> bool:
        text, at = self._text, self._text.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or not _joins_word(text[at - 1])) and (end == len(text) or not _joins_word(text[end])):
                return True
            at = text.find(word, at + 1)
        return False


def _joins_word(character: str) -> bool:
    return character.isalnum() or character in "_-"


def _title_cased(text: str) -> bool:
    """A headline written In Title Case ("Tultex Corp Sets Quarterly Dividend"): its capitals say
    nothing about names, and the article's other texts name its people in running prose."""
    start = text[:_TITLE_CHARS]
    words = _LONG_WORD.findall(start)
    if any(word[0].islower() for word in words):
        return False
    # Or a short one of abbreviations ("Bnp Plans 100 Mln H.K. Dlr Cd Issue"), every word capitalised.
    return len(words) >= 3 or (len(_ANY_WORD.findall(start)) >= 4 and not _LOWER_WORD.search(start))


def _capitalises_nouns(text: str) -> bool:
    """German (and Luxembourgish) text, where every noun is capitalised: its capitals say nothing
    about names. Told by its commonest words, which English never uses."""
    if text.count(" und ") + text.count(" der ") < 2:
        return False  # English, nearly always: the other words need not be counted
    # "der" of a name ("Ursula von der Leyen", "Pieter van der Berg") is no German article.
    in_names = text.count("on der ") + text.count("van der ") + text.count("Van der ")
    spaces = text.count(" ") + 1
    return spaces >= 20 and sum(text.count(word) for word in _GERMAN_WORDS) - in_names >= 0.04 * spaces


_GERMAN_WORDS = (" der ", " die ", " das ", " und ", " nicht ", " mit ", " für ", " ist ", " auf ", " sich ")
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}")  # "for", "the" and "of" stay lower case in many title styles
_ANY_WORD = re.compile(r"\b[^\W\d_]{2,}")
_LOWER_WORD = re.compile(r"(?<!['’])\b[a-z]")  # a possessive "'s" is no lower-case word
_TITLE_CHARS = 300


def _starts_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 3):position].strip()
    return not before or before[-1] in ".!?\"“”'‘:;—-\n"
