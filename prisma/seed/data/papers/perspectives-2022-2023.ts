import type { SeedPaper } from "../../types";
import { markdown, section } from "../markdown";

export const perspectives2022to2023: readonly SeedPaper[] = [
  {
    series: "ifans-perspectives",
    number: "2022-04",
    date: "2022-02-24",
    authors: ["PARK Jiyoung"],
    topics: ["diplomacy", "security"],
    regions: ["united-states", "china"],
    ko: {
      title: "미국 인도·태평양 전략의 특징과 한국의 대응",
      summary:
        "미국이 새 인도·태평양 전략을 발표했다. 이 글은 전략의 핵심 내용과 새로운 점을 정리하고 한국 외교에 주는 함의를 살펴본다.",
      baseHits: 12480,
      body: markdown(
        section(
          "전략의 개요",
          "새 전략은 자유롭고 개방된 인도·태평양, 역내외 연계 강화, 번영, 안보, 회복력이라는 다섯 가지 목표를 제시한다. 중국과의 경쟁을 관리하면서 동맹과 파트너의 역량을 묶어 내는 '통합 억제'가 중심 개념이다.",
        ),
        section(
          "새로운 점",
          "경제 분야의 구체적 협력 틀을 예고하고 기후, 보건, 기술 등 비전통 안보 의제를 전면에 내세운 점이 눈에 띈다. 동맹국의 역할 확대에 대한 기대도 분명해졌다.",
        ),
        section(
          "한국에 대한 함의",
          "한국은 한미동맹을 지역 차원으로 넓히는 요구에 대비하면서, 아세안과 인도 등과의 협력을 통해 독자적 지역 구상을 구체화해야 한다. 중국과의 소통을 유지하는 균형 감각도 필요하다.",
        ),
      ),
    },
    en: {
      title: "The U.S. Indo-Pacific Strategy: Features and Korea's Response",
      summary:
        "Washington has released a new Indo-Pacific Strategy. This paper sets out its core elements and what is new, and considers the implications for Korean diplomacy.",
      baseHits: 6120,
      body: markdown(
        section(
          "The Strategy at a Glance",
          "The strategy sets five objectives: a free and open Indo-Pacific, connections within and beyond the region, prosperity, security and resilience. Its central idea is \"integrated deterrence\", which ties allies' and partners' capabilities together while competition with China is managed.",
        ),
        section(
          "What Is New",
          "It announces a concrete economic framework and puts non-traditional issues such as climate, health and technology at the front. Expectations of a larger role for allies are also stated plainly.",
        ),
        section(
          "Implications for Korea",
          "Korea should prepare for calls to widen the alliance's regional role, while giving its own regional vision substance through cooperation with ASEAN and India. Keeping channels to China open will require balance.",
        ),
      ),
    },
  },
  {
    series: "ifans-perspectives",
    number: "2022-09",
    date: "2022-05-12",
    authors: ["YOON Dahye", "CHOI Wooseon"],
    topics: ["security"],
    regions: ["europe", "russia"],
    ko: {
      title: "우크라이나 전쟁과 유럽 안보질서의 미래",
      summary:
        "러시아의 우크라이나 침공은 탈냉전 유럽 안보질서의 근간을 흔들었다. 이 글은 나토와 유럽연합의 대응을 분석하고 한국에 주는 교훈을 도출한다.",
      baseHits: 11260,
      body: markdown(
        section(
          "유럽의 전환점",
          "전면전의 귀환은 유럽 각국의 위협 인식을 근본적으로 바꾸었다. 독일은 국방정책의 '시대 전환'을 선언했고, 오랜 중립국들도 안보 노선을 재검토하고 있다.",
        ),
        section(
          "나토의 확대와 억제",
          "핀란드와 스웨덴의 가입 신청, 동부 전선의 전진 배치 강화는 나토의 억제태세를 한 단계 끌어올렸다. 다만 장기전에 필요한 방산 역량은 여전히 부족하다.",
        ),
        section(
          "안보 행위자로서의 EU",
          "유럽연합은 전례 없는 제재와 무기 지원 재원 마련으로 안보 행위자로서의 면모를 보였다. 에너지 의존을 줄이는 일이 최대 과제로 떠올랐다.",
        ),
        section(
          "한국에 대한 교훈",
          "힘에 의한 현상 변경이 현실이 된 만큼 한국은 억제력과 동맹 연대를 강화하고, 제재 공조에 적극 참여해 규칙 기반 질서의 수호자로서 역할을 분명히 해야 한다.",
        ),
      ),
    },
    en: {
      title: "The War in Ukraine and the Future of European Security",
      summary:
        "Russia's invasion of Ukraine has shaken the foundations of Europe's post-Cold War security order. This paper analyses the responses of NATO and the EU and draws lessons for Korea.",
      baseHits: 7540,
      body: markdown(
        section(
          "A Turning Point for Europe",
          "The return of full-scale war has transformed threat perceptions across Europe. Germany has declared a Zeitenwende in defence policy, and long-neutral states are rethinking their security choices.",
        ),
        section(
          "NATO Enlargement and Deterrence",
          "The applications of Finland and Sweden and a stronger forward presence on the eastern flank have raised NATO's deterrence posture. Yet the defence-industrial capacity that a long war demands is still lacking.",
        ),
        section(
          "The EU as a Security Actor",
          "With unprecedented sanctions and joint funding for arms deliveries, the EU has shown itself a security actor. Reducing energy dependence on Russia has become its most urgent task.",
        ),
        section(
          "Lessons for Korea",
          "With change of the status quo by force now a reality, Korea should strengthen deterrence and alliance solidarity, and take an active part in coordinated sanctions as a defender of the rules-based order.",
        ),
      ),
    },
  },
  {
    series: "ifans-perspectives",
    number: "2022-21",
    date: "2022-11-03",
    authors: ["HAN Seungmin"],
    topics: ["diplomacy", "security"],
    regions: ["china"],
    ko: {
      title: "중국 제20차 당대회 이후의 대외정책 전망",
      summary:
        "제20차 당대회는 시진핑 체제의 3연임과 안보 중시 노선을 확인했다. 이 글은 향후 중국 대외정책의 방향과 한국에 대한 함의를 전망한다.",
      baseHits: 8730,
      body: markdown(
        section(
          "지도부의 연속성",
          "새 지도부는 충성도를 중심으로 구성되어 정책 결정의 집중도가 더 높아졌다. 대외정책에서도 최고지도자의 의중이 한층 직접적으로 반영될 것이다.",
        ),
        section(
          "안보 우선",
          "보고서는 '안보'를 유례없이 강조하며 발전과 안보의 통합을 내세웠다. 기술 자립과 공급망 통제는 경제 정책이 아니라 안보 정책으로 다뤄질 것이다.",
        ),
        section(
          "대만과 미중관계",
          "대만 문제에서 무력 사용 포기를 약속하지 않는다는 입장이 재확인되었다. 미중 간 전략 경쟁은 위기 관리 장치가 부족한 상태에서 장기화될 가능성이 크다.",
        ),
        section(
          "한국에 대한 함의",
          "한국은 경제 관계의 안정을 추구하되 공급망 취약성을 줄이고, 고위급 소통을 통해 북한 문제에서 중국의 건설적 역할을 끌어내야 한다.",
        ),
      ),
    },
    en: {
      title: "China's Foreign Policy after the 20th Party Congress",
      summary:
        "The 20th Party Congress confirmed a third term for Xi Jinping and a security-first line. This paper looks ahead at the direction of Chinese foreign policy and its implications for Korea.",
      baseHits: 5310,
      body: markdown(
        section(
          "Continuity at the Top",
          "The new leadership was chosen above all for loyalty, concentrating decision-making further. Foreign policy will reflect the top leader's preferences even more directly.",
        ),
        section(
          "Security First",
          "The report stressed security to an unprecedented degree, calling for development and security to be integrated. Technological self-reliance and control of supply chains will be treated as security policy, not economics.",
        ),
        section(
          "Taiwan and the United States",
          "Beijing restated that it will not renounce the use of force over Taiwan. Strategic competition with Washington is likely to be long, with too few mechanisms for managing crises.",
        ),
        section(
          "Implications for Korea",
          "Korea should seek stable economic ties while reducing supply-chain vulnerabilities, and use high-level dialogue to draw a constructive Chinese role on North Korea.",
        ),
      ),
    },
  },
  {
    series: "ifans-perspectives",
    number: "2023-04",
    date: "2023-03-09",
    authors: ["SEO Yerin"],
    topics: ["energy", "security"],
    regions: ["europe", "russia"],
    ko: {
      title: "우크라이나 전쟁 이후의 에너지 안보: 유럽의 교훈",
      summary:
        "유럽은 러시아산 가스 의존에서 벗어나기 위해 1년 만에 에너지 체계를 크게 바꾸었다. 이 글은 그 과정을 정리하고 한국이 얻을 교훈을 살핀다.",
      baseHits: 6420,
      body: markdown(
        section(
          "유럽의 에너지 충격",
          "러시아의 가스 공급 축소로 유럽의 가스와 전력 가격은 사상 최고 수준으로 치솟았고, 에너지 집약 산업은 생산을 줄여야 했다.",
        ),
        section(
          "다변화와 수요 감축",
          "유럽은 LNG 터미널을 서둘러 확충하고 공동 구매와 수요 감축 목표를 도입했다. 재생에너지 확대를 안보 정책으로 재정의한 점도 주목된다.",
        ),
        section(
          "한국에 대한 교훈",
          "에너지를 대부분 수입하는 한국은 공급선 다변화와 비축, 수요 관리, 에너지 전환을 하나의 안보 전략으로 묶어 추진해야 한다.",
        ),
      ),
    },
    en: {
      title: "Energy Security after the Ukraine War: Lessons from Europe",
      summary:
        "Within a year Europe has remade its energy system to break its dependence on Russian gas. This paper traces that effort and the lessons it holds for Korea.",
      baseHits: 3980,
      body: markdown(
        section(
          "Europe's Energy Shock",
          "Cuts in Russian gas supplies drove European gas and power prices to record highs and forced energy-intensive industries to curb output.",
        ),
        section(
          "Diversification and Demand Reduction",
          "Europe rushed to build LNG terminals and introduced joint purchasing and demand-reduction targets. Recasting the expansion of renewables as security policy is notable.",
        ),
        section(
          "Lessons for Korea",
          "Korea imports most of its energy. It should pursue diversified supply, stockpiling, demand management and the energy transition as a single security strategy.",
        ),
      ),
    },
  },
  {
    series: "ifans-perspectives",
    number: "2023-07",
    date: "2023-05-25",
    authors: ["OH Junseok", "PARK Jiyoung"],
    topics: ["security"],
    regions: ["united-states", "north-korea"],
    ko: {
      title: "워싱턴 선언과 확장억제의 진화",
      summary: "한미 정상은 워싱턴 선언을 통해 핵협의그룹 신설에 합의했다. 이 글은 선언의 의미와 남은 과제를 검토한다.",
      baseHits: 10150,
      body: markdown(
        section(
          "배경",
          "북한의 핵 능력 고도화와 핵 사용 위협이 이어지면서 확장억제의 신뢰성에 대한 한국 내 우려가 커졌다. 워싱턴 선언은 이에 대한 동맹 차원의 응답이다.",
        ),
        section(
          "핵협의그룹",
          "핵협의그룹은 핵 운용에 관한 정보 공유와 공동 기획을 정례화하는 장치다. 전략자산의 가시성을 높이는 조치와 결합되어 억제 메시지를 강화한다.",
        ),
        section(
          "남은 과제",
          "협의 체계가 실질적인 공동 기획과 연습으로 이어지도록 제도화하고, 재래식 전력과 핵 억제의 통합을 구체화하는 것이 다음 과제다.",
        ),
      ),
    },
    en: {
      title: "The Washington Declaration and the Evolution of Extended Deterrence",
      summary:
        "In the Washington Declaration the leaders of Korea and the United States agreed to set up a Nuclear Consultative Group. This paper assesses its meaning and the tasks that remain.",
      baseHits: 6890,
      body: markdown(
        section(
          "Background",
          "North Korea's growing nuclear capabilities and repeated threats of nuclear use have deepened concern in Korea about the credibility of extended deterrence. The Washington Declaration is the alliance's answer.",
        ),
        section(
          "The Nuclear Consultative Group",
          "The group makes information-sharing and joint planning on nuclear matters routine. Combined with the more visible deployment of strategic assets, it strengthens the deterrent message.",
        ),
        section(
          "Remaining Tasks",
          "The next steps are to make consultation lead to real joint planning and exercises, and to give concrete form to the integration of conventional forces with nuclear deterrence.",
        ),
      ),
    },
  },
  {
    series: "ifans-perspectives",
    number: "2023-15",
    date: "2023-08-31",
    authors: ["SONG Taehyun", "KANG Eunji"],
    topics: ["diplomacy", "security"],
    regions: ["united-states", "japan"],
    ko: {
      title: "캠프 데이비드 정상회의와 한미일 협력의 제도화",
      summary: "한미일 정상은 캠프 데이비드에서 3국 협력의 정례화에 합의했다. 이 글은 합의의 내용과 지속 가능성을 평가한다.",
      baseHits: 9020,
      body: markdown(
        section(
          "새로운 협력의 틀",
          "3국은 정상회의와 외교·국방 고위급 협의의 정례화, 북한 미사일 경보정보의 실시간 공유, 경제안보 협력에 합의했다.",
        ),
        section("협의 공약", "역내 위협에 대해 신속히 협의한다는 공약은 동맹 조약은 아니지만 3국 공조의 정치적 토대를 제공한다."),
        section(
          "동력의 유지",
          "협력이 각국의 정권 교체에도 흔들리지 않으려면 실무 차원의 제도화와 국민적 공감대가 필요하다. 한일관계의 안정이 그 전제다.",
        ),
      ),
    },
    en: {
      title: "Camp David and the Institutionalisation of Korea-U.S.-Japan Cooperation",
      summary:
        "At Camp David the leaders of Korea, the United States and Japan agreed to make trilateral cooperation regular. This paper assesses the agreement and whether it can last.",
      baseHits: 5870,
      body: markdown(
        section(
          "A New Framework",
          "The three countries agreed on annual summits, regular meetings of foreign and defence officials, real-time sharing of missile-warning data on North Korea and cooperation on economic security.",
        ),
        section(
          "The Commitment to Consult",
          "The pledge to consult promptly on regional threats is not an alliance treaty, but it gives trilateral coordination a political foundation.",
        ),
        section(
          "Sustaining the Momentum",
          "For cooperation to survive changes of government, it needs working-level institutions and public support at home. Stable Korea-Japan relations are the precondition.",
        ),
      ),
    },
  },
  {
    series: "ifans-perspectives",
    number: "2023-22",
    date: "2023-12-14",
    authors: ["KANG Eunji"],
    topics: ["diplomacy", "economy-trade"],
    regions: ["japan"],
    ko: {
      title: "2023년 한일관계 평가와 2024년 전망",
      summary:
        "2023년 한일관계는 셔틀외교 복원으로 빠르게 회복되었다. 이 글은 한 해의 성과와 남은 쟁점을 정리하고 2024년을 전망한다.",
      baseHits: 7330,
      body: markdown(
        section("회복의 한 해", "정상 간 셔틀외교가 12년 만에 복원되고 각급 대화 채널이 재가동되었다."),
        section(
          "경제·안보 협력",
          "수출규제 문제가 정리되고 화이트리스트가 복원되었으며, 공급망과 첨단기술 분야의 협력 논의가 시작되었다. 안보 분야에서는 한미일 공조가 양자 관계를 뒷받침했다.",
        ),
        section(
          "남은 쟁점",
          "역사 문제를 둘러싼 국내 여론의 간극은 여전하다. 피해자 중심의 해법을 꾸준히 이행하고 설명하는 노력이 필요하다.",
        ),
        section(
          "2024년 전망",
          "양국 모두 정치 일정이 많은 만큼 관계의 성과를 제도화해 정치적 변동에 흔들리지 않도록 하는 것이 관건이다.",
        ),
      ),
    },
    en: {
      title: "Korea-Japan Relations in 2023 and the Outlook for 2024",
      summary:
        "Korea-Japan relations recovered quickly in 2023 as shuttle diplomacy resumed. This paper reviews the year's results and open issues and looks ahead to 2024.",
      baseHits: 4410,
      body: markdown(
        section(
          "A Year of Recovery",
          "Shuttle diplomacy between the leaders resumed after twelve years, and dialogue channels at every level were reopened.",
        ),
        section(
          "Economic and Security Cooperation",
          "The export-control dispute was settled, each side restored the other to its list of trusted trading partners, and talks on supply chains and advanced technology began. Trilateral coordination with the United States underpinned the bilateral relationship.",
        ),
        section(
          "Outstanding Issues",
          "Public opinion on historical issues remains far apart. The victim-centred solution must be implemented and explained consistently.",
        ),
        section(
          "Outlook for 2024",
          "With busy political calendars in both countries, the key is to institutionalise the gains so that they withstand political change.",
        ),
      ),
    },
  },
];
