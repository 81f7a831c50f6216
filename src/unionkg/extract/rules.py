"""Every rule id the extractor and the model can put on a relation or mention (versioned names)."""

from .roles import role_rows

RULES: frozenset[str] = frozenset({
    "campaign.quoted.v1", "campaign.dotted.v1", "campaign.spirit.v1", "campaign.programme.v1", "campaign.gazetteer.v1",
    "law.booktitle.v1", "body.division.v1", "body.shortform.v1", "body.shortplace.v1", "body.industry.v1",
    "body.company_union.v1", "body.anaphor.v1", "body.alias.v1", "body.federation.v1", "org.company.v1", "org.national.v1", "org.party.v1", "org.congress.v1",
    "place.division.v1", "place.province_list.v1", "person.title_chain.v1", "person.name_title.v1", "person.list.v1", "person.elected.v1", "person.appointed.v1", "person.bare_list.v1", "person.repeat.v1",
    "person.ner.v1", "person.ner_chain.v1",
    "event.lead.v1", "event.lead_subject.v1", "event.lead_leader.v1", "event.place_theme.v1", "event.headline_union.v1",
    "event.lead_organises.v1", "event.headline_body.v1", "event.first_union.v1", "event.first_body.v1",
    "event.congress_holder.v1", "org.implied_government.v1", "body.unresolved.v1", "body.bare_ending.v1", "role.teyao.v1", "org.department.v1", "place.short.v1", "role.suozuo.v1", "role.tingqu.v1", "person.before_role.v1", "role.zhuchi.v1", "role.daidui.v1", "role.shuaidui.v1", "role.dailing.v1",
    "role.chuxi.v1", "role.canjia.v1", "role.liexi.v1", "role.canhui.v1", "role.jianghua.v1",
    "role.zhici.v1", "role.fayan.v1", "role.fenxiang.v1", "role.xuanjiang.v1", "role.shouke.v1",
    "role.zhujiang.v1", "role.zuo_baogao.v1", "invited.yaoqing.v1", "role.yixing.v1", "position.chain.v1",
    "implements.study.v1", "implements.implement.v1", "implements.publicize.v1", "visited.verb.v1", "visited.at.v1",
    "reported.byline.v1", "hierarchy.divisions.v1",
}) | frozenset(f"role.{rid}.v1" for _, _, rid, _ in role_rows())
