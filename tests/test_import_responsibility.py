"""Responsibility annotations: who leads, supports, is responsible or guides."""
from __future__ import annotations

import pytest

from reports.importer.responsibility import (Convention, is_annotation, parse_responsibility,
                                             split_units)


def roles_of(text, convention=None):
    roles, _ = parse_responsibility(text, convention)
    return {role: units for role, units in roles.items() if units}


@pytest.mark.parametrize("text, expected", [
    ("（牵头单位：区市场监管局，配合单位：区科技局、区财政局）",
     {"lead": ["区市场监管局"], "support": ["区科技局", "区财政局"]}),
    ("牵头单位：区市场监管局；配合单位：区科技局；完成时限：2023年底前",
     {"lead": ["区市场监管局"], "support": ["区科技局"]}),
    ("（省编办牵头，省知识产权局、省工商局、省版权局参加）",
     {"lead": ["省编办"], "support": ["省知识产权局", "省工商局", "省版权局"]}),
    ("（区发改局、区财政局负责）", {"responsible": ["区发改局", "区财政局"]}),
    ("（区发改局、区财政局按职责分工负责）", {"responsible": ["区发改局", "区财政局"]}),
    ("（省委宣传部指导，区文旅局负责）", {"guide": ["省委宣传部"], "responsible": ["区文旅局"]}),
    ("（区科技局牵头，区财政局参与，区税务局协助）",
     {"lead": ["区科技局"], "support": ["区财政局", "区税务局"]}),
    ("（由区市场监管局会同区科技局负责）", {"lead": ["区市场监管局"], "support": ["区科技局"]}),
    ("责任单位：区市场监管局、区工业和信息化局、区财政局",
     {"responsible": ["区市场监管局", "区工业和信息化局", "区财政局"]}),
    ("〔责任单位：市发展改革委、市财政局按职责分工负责。〕", {"responsible": ["市发展改革委", "市财政局"]}),
    ("责任单位：市发展改革委（牵头）、市财政局", {"lead": ["市发展改革委"], "support": ["市财政局"]}),
    ("（区市场监管局牵头，区科技局配合；2023年6月底前完成）",
     {"lead": ["区市场监管局"], "support": ["区科技局"]}),
    ("区市场监管局", {"responsible": ["区市场监管局"]}),
])
def test_annotation_forms(text, expected):
    assert roles_of(text) == expected


def test_separate_lead_and_responsible_labels_make_the_responsible_units_support():
    text = "牵头单位：区市场监管局\n责任单位：区商务局、区农业农村局"
    assert roles_of(text) == {"lead": ["区市场监管局"], "support": ["区商务局", "区农业农村局"]}


def test_etc_relevant_departments_is_not_a_department():
    assert roles_of("（区科技局、区财政局等有关部门负责）") == {"responsible": ["区科技局", "区财政局"]}
    assert split_units("省科技厅、省财政厅等相关部门") == ["省科技厅", "省财政厅"]


@pytest.mark.parametrize("text, units", [
    ("各区、县级市", ["各区、县级市"]),
    ("各区、县级市政府，区直各部门", ["各区、县级市政府", "区直各部门"]),
    ("各县（市、区）人民政府、市直有关部门", ["各县（市、区）人民政府", "市直有关部门"]),
    ("各街道、区直各部门", ["各街道", "区直各部门"]),
    ("区发改局，区财政局,区商务局；区税务局", ["区发改局", "区财政局", "区商务局", "区税务局"]),
    ("区工业和信息化局、区文化和旅游局", ["区工业和信息化局", "区文化和旅游局"]),
    ("省农业厅、省商务厅、省农业厅", ["省农业厅", "省商务厅"]),
    ("区市场监管局 区科技局", ["区市场监管局", "区科技局"]),
])
def test_split_units(text, units):
    assert split_units(text) == units


def test_lead_first_convention_applies_here_and_after():
    first, convention = parse_responsibility(
        "（县科技局、县财政局负责，排在第一位的为牵头单位，下同）")
    assert convention.lead_first
    assert first["lead"] == ["县科技局"] and first["support"] == ["县财政局"]
    later, convention = parse_responsibility("（县发改局、县统计局、县税务局负责）", convention)
    assert later["lead"] == ["县发改局"] and later["support"] == ["县统计局", "县税务局"]
    assert later["responsible"] == []
    # without the convention the same words mean responsible
    assert roles_of("（县发改局、县统计局负责）") == {"responsible": ["县发改局", "县统计局"]}


def test_units_that_are_no_longer_listed_are_recorded_not_added():
    roles, convention = parse_responsibility(
        "〔责任单位：市发展改革委、市财政局按职责分工负责。各区、县级市政府负责落实，不再列出，下同。〕")
    assert roles["responsible"] == ["市发展改革委", "市财政局"]
    assert convention.omitted_units == ("各区、县级市政府",)
    again, convention = parse_responsibility("〔责任单位：市商务局〕", convention)
    assert again["responsible"] == ["市商务局"] and convention.omitted_units == ("各区、县级市政府",)


def test_a_unit_keeps_one_role():
    assert roles_of("（区科技局牵头，区科技局、区财政局配合）") == {"lead": ["区科技局"], "support": ["区财政局"]}


def test_empty_and_non_annotations():
    assert roles_of("") == {}
    assert parse_responsibility("（2022—2025年）")[0] == {"lead": [], "support": [], "responsible": [], "guide": []}


@pytest.mark.parametrize("content, at_end, expected", [
    ("责任单位：区市场监管局", False, True),
    ("区市场监管局牵头，区科技局参加", False, True),
    ("区市场监管局", True, True),
    ("区市场监管局", False, False),
    ("2022—2025年", True, False),
    ("TISC", True, False),
    ("市、区", True, False),
    ("试行", True, False),
    ("此件公开发布", True, False),
])
def test_is_annotation(content, at_end, expected):
    assert is_annotation(content, at_end) is expected


def test_convention_is_a_value_object():
    assert Convention() == Convention(lead_first=False, omitted_units=())
