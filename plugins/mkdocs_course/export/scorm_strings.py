"""What the package's launch page may tell a learner, in the languages the
package's interface catalogs cover (English for the others).

These few sentences are kept here rather than in ``i18n/interface.py`` for
now, so a course's catalogs are not made incomplete by an export feature;
see docs/lms.md.
"""

from __future__ import annotations

STRINGS = {
    "en": {
        "error": "The learning platform did not save your progress ({error}). Your work is kept in this "
                 "browser, and it will be sent again the next time you open the course here.",
        "saved": "Your progress is saved on the learning platform again.",
        "review": "Review mode: you can look at the course and your answers, but nothing is recorded "
                  "on the learning platform.",
        "noscript": "This course needs JavaScript. Open its first page:",
    },
    "es": {
        "error": "La plataforma de aprendizaje no guardó su progreso ({error}). Su trabajo se conserva "
                 "en este navegador y se enviará de nuevo la próxima vez que abra el curso aquí.",
        "saved": "Su progreso vuelve a estar guardado en la plataforma de aprendizaje.",
        "review": "Modo de revisión: puede ver el curso y sus respuestas, pero no se registra nada en "
                  "la plataforma de aprendizaje.",
        "noscript": "Este curso necesita JavaScript. Abra su primera página:",
    },
    "fr": {
        "error": "La plateforme de formation n’a pas enregistré votre progression ({error}). Votre travail "
                 "est conservé dans ce navigateur et sera envoyé à nouveau la prochaine fois que vous "
                 "ouvrirez le cours ici.",
        "saved": "Votre progression est de nouveau enregistrée sur la plateforme de formation.",
        "review": "Mode révision : vous pouvez consulter le cours et vos réponses, mais rien n’est "
                  "enregistré sur la plateforme de formation.",
        "noscript": "Ce cours a besoin de JavaScript. Ouvrez sa première page :",
    },
    "ar": {
        "error": "لم تحفظ منصة التعلّم تقدّمك ({error}). عملك محفوظ في هذا المتصفح، وسيُرسل مرة أخرى "
                 "عندما تفتح الدورة هنا في المرة القادمة.",
        "saved": "تقدّمك محفوظ على منصة التعلّم من جديد.",
        "review": "وضع المراجعة: يمكنك الاطلاع على الدورة وإجاباتك، لكن لا يُسجَّل شيء على منصة التعلّم.",
        "noscript": "تحتاج هذه الدورة إلى JavaScript. افتح صفحتها الأولى:",
    },
}


def launch_strings(language: str) -> dict[str, str]:
    """The strings for ``language`` (or its base language), else English."""
    base = language.replace("_", "-").split("-")[0]
    return dict(STRINGS["en"], **STRINGS.get(language, STRINGS.get(base, {})))
