import type { SeedPaper } from "../../types";
import { bullets, markdown, section } from "../markdown";

/** The paper of the seed page; its first section is quoted from that page. */
const northKoreaRussiaAlliance: SeedPaper = {
  series: "ifans-perspectives",
  number: "2024-14",
  date: "2024-12-31",
  featured: true,
  authors: ["CHOI Wooseon"],
  topics: ["security", "diplomacy"],
  regions: ["north-korea", "russia"],
  en: {
    title: "The North Korea-Russia Alliance and Korea’s Policy",
    summary:
      'This paper aims to assess the nature and risks of the recently forged military alliance between North Korea and Russia and to present policies for Korea. During his visit to North Korea on June 19, Russian President Vladimir Putin signed the "Treaty on Comprehensive Strategic Partnership," a document that officially revives their military alliance and pledges comprehensive bilateral cooperation.',
    baseHits: 16664,
    body: markdown(
      section(
        "1. Introduction",
        'This paper aims to assess the nature and risks of the recently forged military alliance between North Korea and Russia and to present policies for Korea. During his visit to North Korea on June 19, Russian President Vladimir Putin signed the "Treaty on Comprehensive Strategic Partnership," a document that officially revives their military alliance and pledges comprehensive bilateral cooperation. Alliance is defined as formal or informal security cooperation among states based on the security commitment of at least one state against a specific state or states. The North Korea-Russia treaty is an alliance, as it declares: “If one party faces armed aggression leading to a state of war, the other party shall, without delay, provide military and other assistance through all available means, as prescribed by Article 51 of the UN Charter and the laws of the Democratic People’s Republic of Korea and the Russian Federation.”',
        "The formation of the North Korea-Russia alliance poses serious challenges to Korea. As North Korea is accelerating nuclear development and its pursuit of second-strike capabilities against the United States, curbing Russia’s military and technological assistance to Pyongyang is of utmost importance. Simultaneously, managing the relationship with Russia - now turning to overt hostility toward Korea - has become a more difficult diplomatic task. Furthermore, Korea faces the challenge of safeguarding its national security interests while preventing U.S.-China power competition and the formation of the North Korea-Russia alliance from reinforcing the move toward Cold War-type division.",
        "In light of these challenges, this paper explores three critical questions:",
        bullets(
          "What is the nature and level of the military alliance between North Korea and Russia?",
          "What role will Russia play in supporting North Korea under differing conditions, such as peacetime, crises, and wartime?",
          "What policies should South Korea pursue in response to the North Korea-Russia alliance?",
        ),
        "The paper will first evaluate North Korea’s strategic value for Russia. Second, it will analyze the causes of the North Korea-Russia alliance and assess the nature and level of the alliance. Third, it will explore Russia's options for supporting North Korea under varying circumstances. Fourth, it will predict the attitude of China that has strong influence on North Korea and Russia. Lastly, it will propose policies for Korea.",
      ),
      section(
        "2. Russia’s Foreign Policy and North Korea’s Strategic Value",
        "Since the full-scale invasion of Ukraine in February 2022, Russian foreign policy has been organised around a prolonged confrontation with the West. Moscow now names the United States as the main source of threats and seeks closer ties with states that resist what it calls Western hegemony. In this setting, North Korea’s value to Russia has risen sharply.",
        "Pyongyang offers what few partners can: large stocks of artillery ammunition and ballistic missiles compatible with Russian systems, a reserve of manpower, and a readiness to defy UN Security Council sanctions openly. It also gives Moscow leverage in Northeast Asia, a way to raise the cost to Korea and Japan of their support for Ukraine.",
      ),
      section(
        "3. The Causes and Nature of the Alliance Formation",
        "The alliance grew out of converging needs rather than shared ideology. Russia needs munitions and diplomatic cover for a war of attrition; North Korea seeks hard currency, food and energy, advanced military technology and a great-power patron that loosens its dependence on China. Both regard the United States and its alliances as the principal threat.",
        "The automatic assistance clause places the treaty closer to the 1961 Soviet-North Korean treaty than to the looser friendship treaty of 2000. Yet the alliance remains asymmetric and transactional: its durability depends on the course of the war in Ukraine and on how far Moscow is prepared to share sensitive technology.",
      ),
      section(
        "4. Russia’s Support for North Korea: Options",
        "In peacetime, Russia is likely to expand trade, labour imports and cooperation on space and conventional weapons while blocking new sanctions at the Security Council. The gravest risk is help with reconnaissance satellites, submarine propulsion or missile re-entry technology, which would shorten Pyongyang’s path to a credible second-strike capability.",
        "In a crisis on the Korean Peninsula, Moscow would most likely offer diplomatic backing, intelligence and visible military signalling rather than direct intervention. In wartime the treaty allows for direct military assistance, but Russia’s actual choices would depend on its capacity after Ukraine, the risk of escalation with the United States and China’s position.",
      ),
      section(
        "5. China’s Anticipated Stance",
        "China is uneasy about the alliance. It weakens Beijing’s leverage over Pyongyang, invites a stronger Korea-U.S.-Japan security posture and risks drawing China into a conflict it did not choose. Beijing has therefore kept its distance from any trilateral North Korea-China-Russia framing.",
        "At the same time, China values its strategic alignment with Russia against the United States and will not openly oppose the treaty. Quiet hedging is the likeliest course: tolerating North Korea-Russia cooperation while signalling that it will not join a formal bloc.",
      ),
      section(
        "6. Policies for Korea",
        "First, Korea should work with the United States, Japan and European partners to detect and deter transfers of sensitive military technology to North Korea, and make clear that such transfers carry concrete costs for Russia. Second, it should strengthen extended deterrence while keeping channels to Moscow open, since a complete rupture would leave no leverage over Russian conduct after the war.",
        "Third, Korea should engage China on their shared interest in keeping Russian technology out of North Korea’s nuclear programme, and work to keep the region from sliding into bloc confrontation. Finally, Seoul should prepare for the post-war period, when Russia’s need for reconstruction and Asian markets may open room for a more balanced relationship.",
      ),
    ),
  },
  ko: {
    title: "북한-러시아 동맹과 한국의 정책",
    summary:
      "이 글은 최근 체결된 북한과 러시아의 군사동맹의 성격과 위험을 평가하고 한국의 정책 방향을 제시한다. 푸틴 러시아 대통령은 6월 19일 방북 중 「포괄적 전략적 동반자 관계에 관한 조약」에 서명해 양국의 군사동맹을 공식적으로 복원하고 포괄적 협력을 약속했다.",
    baseHits: 19872,
    body: markdown(
      section(
        "1. 서론",
        "이 글은 최근 체결된 북한과 러시아의 군사동맹의 성격과 위험을 평가하고 한국의 정책 방향을 제시하는 데 목적이 있다. 푸틴 러시아 대통령은 6월 19일 방북 중 「포괄적 전략적 동반자 관계에 관한 조약」에 서명해 양국의 군사동맹을 공식적으로 복원하고 포괄적인 양자 협력을 약속했다. 동맹은 특정 국가에 대한 최소 한 국가의 안보 공약에 기초한 국가 간의 공식적·비공식적 안보협력으로 정의된다. 조약은 “일방이 무력 침공을 받아 전쟁 상태에 처하게 되면 타방은 유엔 헌장 제51조와 양국의 법에 준하여 지체 없이 보유하고 있는 모든 수단으로 군사적 및 기타 원조를 제공한다”고 규정하고 있어 동맹에 해당한다.",
        "북러 동맹의 형성은 한국에 심각한 도전이다. 북한이 핵 개발과 대미 2차 타격 능력 확보를 서두르는 상황에서 러시아의 대북 군사·기술 지원을 억제하는 일이 무엇보다 중요하다. 동시에 한국에 노골적인 적대감을 드러내는 러시아와의 관계 관리도 더 어려운 외교 과제가 되었다. 나아가 한국은 미중 경쟁과 북러 동맹이 신냉전적 진영 대립을 강화하지 않도록 하면서 국익을 지켜야 한다.",
        "이러한 문제의식에서 이 글은 세 가지 질문을 다룬다.",
        bullets(
          "북러 군사동맹의 성격과 수준은 어떠한가?",
          "평시, 위기 시, 전시 등 상황에 따라 러시아는 북한을 어떻게 지원할 것인가?",
          "북러 동맹에 대응해 한국은 어떤 정책을 추진해야 하는가?",
        ),
        "이하에서는 먼저 러시아에 대한 북한의 전략적 가치를 평가하고, 동맹 형성의 원인과 성격을 분석한다. 이어 상황별 러시아의 대북 지원 선택지와 중국의 예상 입장을 살펴본 뒤 한국의 정책을 제언한다.",
      ),
      section(
        "2. 러시아의 대외정책과 북한의 전략적 가치",
        "2022년 2월 우크라이나 전면 침공 이후 러시아 대외정책의 중심축은 서방과의 장기적 대결이다. 러시아는 미국을 주된 위협으로 규정하고 서방 패권에 반대하는 국가들과의 연대를 강화하고 있으며, 이 과정에서 북한의 전략적 가치는 크게 높아졌다.",
        "북한은 러시아 무기체계와 호환되는 포탄과 탄도미사일, 병력 자원을 제공할 수 있고 안보리 제재를 공공연히 무시할 의지도 있다. 또한 러시아는 북한을 통해 동북아에서 한국과 일본의 우크라이나 지원에 비용을 부과할 지렛대를 얻는다.",
      ),
      section(
        "3. 동맹 형성의 원인과 성격",
        "북러 동맹은 이념보다 이해관계의 수렴에서 비롯되었다. 러시아는 소모전을 위한 탄약과 외교적 엄호가, 북한은 외화와 식량·에너지, 첨단 군사기술, 그리고 중국 의존을 줄여 줄 강대국 후원자가 필요하다.",
        "자동개입 조항을 둔 이번 조약은 2000년 우호조약보다 1961년 조소 동맹조약에 가깝다. 그러나 동맹은 비대칭적이고 거래적이어서, 그 지속성은 우크라이나 전쟁의 향방과 러시아의 민감 기술 이전 의지에 달려 있다.",
      ),
      section(
        "4. 러시아의 대북 지원: 선택지",
        "평시에 러시아는 교역과 노동력 수입, 우주·재래식 무기 협력을 확대하고 안보리의 추가 제재를 막을 가능성이 크다. 가장 우려되는 것은 정찰위성, 잠수함 추진, 미사일 재진입 기술 지원으로, 이는 북한의 2차 타격 능력 확보를 앞당길 수 있다.",
        "한반도 위기 시 러시아는 직접 개입보다 외교적 지지와 정보 제공, 군사적 시위를 택할 것이다. 전시에는 조약상 직접 군사지원이 가능하지만, 실제 선택은 전쟁 이후 러시아의 역량, 미국과의 확전 위험, 중국의 입장에 따라 달라질 것이다.",
      ),
      section(
        "5. 중국의 예상 입장",
        "중국은 북러 동맹이 불편하다. 대북 영향력이 약화되고 한미일 안보협력이 강화되며 원치 않는 분쟁에 연루될 위험이 커지기 때문이다. 이에 중국은 북중러 3각 구도와 거리를 두어 왔다.",
        "그러나 중국은 미국에 맞선 러시아와의 전략적 연대를 중시하므로 조약에 공개적으로 반대하지는 않을 것이다. 북러 협력을 묵인하되 공식적인 진영에는 가담하지 않는 조용한 헤징이 가장 가능성 높은 선택이다.",
      ),
      section(
        "6. 한국의 정책",
        "첫째, 미국·일본·유럽 파트너와 함께 대북 민감 군사기술 이전을 감시·억제하고, 그러한 이전이 러시아에 구체적인 비용을 초래한다는 점을 분명히 해야 한다. 둘째, 확장억제를 강화하되 러시아와의 소통 채널은 유지해 전후 러시아의 행동에 대한 지렛대를 남겨 두어야 한다.",
        "셋째, 북한 핵 프로그램에 러시아 기술이 유입되는 것을 막는 데 대한 공동 이익을 바탕으로 중국과 협의하고, 지역이 진영 대결로 치닫지 않도록 노력해야 한다. 끝으로 재건 수요와 아시아 시장에 대한 러시아의 관심이 커질 전후 시기에 대비해 보다 균형 잡힌 관계의 여지를 모색해야 한다.",
      ),
    ),
  },
};

export const perspectives2024: readonly SeedPaper[] = [
  {
    series: "ifans-perspectives",
    number: "2024-03",
    date: "2024-02-15",
    authors: ["OH Junseok"],
    topics: ["security", "diplomacy"],
    regions: ["north-korea"],
    ko: {
      title: "북한의 '적대적 두 국가론'과 남북관계",
      summary:
        "북한은 남북관계를 '적대적인 두 국가 관계'로 규정하며 통일 노선을 공식 폐기했다. 이 글은 그 배경과 의도를 분석하고 한국의 대응 방향을 제시한다.",
      baseHits: 9410,
      body: markdown(
        section(
          "과거와의 단절",
          "2023년 말 북한은 남북관계를 더 이상 동족 관계가 아닌 적대적 두 국가 관계로 규정했고, 이후 대남 기구를 정리하고 통일 관련 상징물을 철거했다. 이는 수십 년간 유지해 온 통일 담론과의 명시적 단절이다.",
        ),
        section(
          "의도와 배경",
          "이 노선은 한국 사회의 영향력 유입을 차단하고, 핵무력을 앞세운 대남 강압의 명분을 쌓으며, 북러 밀착으로 넓어진 외교 공간을 활용하려는 계산으로 보인다. 체제 내부 결속을 다지려는 목적도 크다.",
        ),
        section(
          "위험과 대응",
          "경계선 인근의 국지 도발과 우발적 충돌 위험이 커졌다. 한국은 억제태세를 견고히 유지하면서도 통일 지향의 원칙과 북한 주민을 향한 메시지를 일관되게 지켜, 북한의 두 국가론이 국제사회에서 정당성을 얻지 못하도록 해야 한다.",
        ),
      ),
    },
    en: {
      title: 'North Korea\'s "Two Hostile States" Line and Inter-Korean Relations',
      summary:
        "North Korea has redefined inter-Korean ties as relations between two hostile states and formally abandoned unification. This paper examines the motives behind the shift and outlines Korea's response.",
      baseHits: 5230,
      body: markdown(
        section(
          "A Break with the Past",
          "At the end of 2023 Pyongyang declared that the two Koreas were no longer compatriots but two hostile states. It has since dismantled the agencies in charge of inter-Korean affairs and removed symbols of unification, an explicit break with decades of official discourse.",
        ),
        section(
          "Motives",
          "The line seeks to shut out influence from South Korean society, to justify nuclear-backed coercion against the South, and to exploit the diplomatic space opened by closer ties with Russia. Tightening internal cohesion is an equally important aim.",
        ),
        section(
          "Risks and Responses",
          "The risk of local provocations and accidental clashes near the border has grown. Korea should keep a robust deterrence posture while holding consistently to the principle of unification and to its message to the North Korean people, so that the two-state line gains no international legitimacy.",
        ),
      ),
    },
  },
  {
    series: "ifans-perspectives",
    number: "2024-07",
    date: "2024-05-09",
    authors: ["JUNG Minho", "KWON Dohyun"],
    topics: ["economy-trade", "technology"],
    regions: ["united-states", "china"],
    ko: {
      title: "반도체 공급망 재편과 경제안보",
      summary:
        "미국과 중국의 반도체 정책 경쟁이 공급망 재편을 가속하고 있다. 이 글은 한국 기업이 받는 압력을 점검하고 정책 방향을 제언한다.",
      baseHits: 7105,
      body: markdown(
        section(
          "정책 환경",
          "미국은 보조금과 수출통제를 결합해 첨단 반도체 생산을 자국과 동맹국으로 끌어들이고 있고, 중국은 대규모 투자로 자립을 서두르고 있다. 일본과 유럽도 생산시설 유치 경쟁에 뛰어들었다.",
        ),
        section(
          "한국 기업이 받는 압력",
          "한국 기업은 중국 내 생산시설 운영과 미국 보조금 조건 사이에서 선택을 강요받고 있다. 장비 반입 제한의 유예가 언제까지 이어질지도 불확실하다.",
        ),
        section(
          "정책 방향",
          "정부는 동맹국과의 협의를 통해 예측 가능성을 높이고, 소재·부품·장비의 국내 기반과 인력 양성에 대한 투자를 확대해야 한다. 경제안보를 통상정책과 외교정책의 중심 의제로 다루는 범정부 체계도 필요하다.",
        ),
      ),
    },
    en: {
      title: "Semiconductor Supply Chains and Economic Security",
      summary:
        "Competing U.S. and Chinese chip policies are accelerating the reorganisation of supply chains. This paper reviews the pressure on Korean firms and proposes policy directions.",
      baseHits: 4388,
      body: markdown(
        section(
          "The Policy Landscape",
          "Washington combines subsidies with export controls to draw advanced chip production to the United States and its allies, while Beijing is pouring money into self-sufficiency. Japan and Europe have joined the race for new fabrication plants.",
        ),
        section(
          "Pressure on Korean Firms",
          "Korean companies are being pushed to choose between operating plants in China and meeting the conditions of U.S. subsidies. How long the waivers on equipment shipments will last remains uncertain.",
        ),
        section(
          "Policy Directions",
          "The government should raise predictability through consultations with allies and invest more in the domestic base for materials, parts and equipment and in skills. Economic security needs a whole-of-government framework that puts it at the centre of trade and foreign policy.",
        ),
      ),
    },
  },
  {
    series: "ifans-perspectives",
    number: "2024-11",
    date: "2024-09-26",
    authors: ["BAEK Hana", "SEO Yerin"],
    topics: ["energy", "security"],
    regions: ["middle-east"],
    ko: {
      title: "중동 위기와 아시아의 에너지 안보",
      summary:
        "가자 전쟁 이후 중동 정세의 불안은 해상 운송과 에너지 시장을 흔들고 있다. 이 글은 아시아 에너지 수입국의 위험과 한국의 대응을 살펴본다.",
      baseHits: 5120,
      body: markdown(
        section(
          "2023년 10월 이후의 확전",
          "가자 전쟁은 레바논, 예멘, 이란으로 긴장을 확산시켰고, 역내 국가 간 직접 충돌의 가능성도 거론되기 시작했다.",
        ),
        section(
          "해상 운송과 석유 시장",
          "홍해 항로에 대한 공격으로 많은 선박이 희망봉으로 우회하면서 운임과 보험료가 올랐다. 호르무즈 해협이 위협받는다면 아시아 수입국의 충격은 훨씬 클 것이다.",
        ),
        section(
          "한국에 대한 함의",
          "한국은 원유 도입선을 다변화하고 전략비축을 점검하는 한편, 걸프 국가들과의 에너지·인프라 협력을 안보 협력과 연계해 발전시켜야 한다.",
        ),
      ),
    },
    en: {
      title: "The Middle East Crisis and Energy Security in Asia",
      summary:
        "Instability in the Middle East since the Gaza war is unsettling shipping and energy markets. This paper considers the risks for Asian energy importers and Korea's response.",
      baseHits: 2876,
      body: markdown(
        section(
          "Escalation since October 2023",
          "The Gaza war has spread tension to Lebanon, Yemen and Iran, and direct clashes between regional states are no longer unthinkable.",
        ),
        section(
          "Shipping and Oil Markets",
          "Attacks on Red Sea shipping have sent many vessels around the Cape of Good Hope, raising freight and insurance costs. A threat to the Strait of Hormuz would hit Asian importers far harder.",
        ),
        section(
          "Implications for Korea",
          "Korea should diversify its crude suppliers and review its strategic reserves, while linking energy and infrastructure cooperation with the Gulf states to closer security cooperation.",
        ),
      ),
    },
  },
  northKoreaRussiaAlliance,
];
