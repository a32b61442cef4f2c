"""The statistics' aggregates: one row per territory, year, indicator and parc, rebuilt from the acts
(``prevex statistiques reconstruire``; docs/statistiques.md §6). Never nominative: counts only."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Statistique(Base):
    __tablename__ = "statistiques"

    territoire: Mapped[str] = mapped_column(String(3), primary_key=True)
    annee: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    indicateur: Mapped[str] = mapped_column(String(96), primary_key=True)
    parc: Mapped[str] = mapped_column(String(8), primary_key=True, comment="total, social, prive, inconnu")
    valeur: Mapped[int] = mapped_column(Integer, comment="a count, or a median delay in days")


class StatistiqueCalcul(Base):
    """When a territory's aggregates were last rebuilt, and from how many acts."""

    __tablename__ = "statistiques_calculs"

    territoire: Mapped[str] = mapped_column(String(3), primary_key=True)
    calcule_le: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actes: Mapped[int] = mapped_column(Integer)
