"""The network tests' shared fixtures (import them by name): the factory case, its graph, its claims' statuses."""

from __future__ import annotations

import pytest

from components import network
from tests.factories.network import network_case


@pytest.fixture
def case():
    return network_case()


@pytest.fixture
def G(case):
    return network.graph_from_case(case)


@pytest.fixture
def statuses(case):
    return network.claim_statuses(case.claims)
