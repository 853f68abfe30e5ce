"""Every interface string a learner meets, in the source language.

Keys are stable; values are the English text. Placeholders in braces
(``{score}``) are filled in by the browser runtime or the renderer. Each key
becomes a gettext catalog entry with the context ``interface/<key>`` (see
``catalog.py``); PLURALS lists the entries that have plural forms, and
INTERFACE_NOTES the comments translators see.
"""

INTERFACE = {
    # shown in the page by the renderer
    "quiz_label": "Self-check quiz",
    "quiz_summary": "{count} questions · pass mark {pass_mark}%",  # plural: see PLURALS
    "quiz_pool_summary": "{draw} of {count} questions drawn each attempt · pass mark {pass_mark}%",
    "question_label": "Question {number}",
    "check": "Check answer",
    "hint": "Show a hint",
    "true": "True",
    "false": "False",
    "your_answer": "Your answer",
    "choose": "Choose…",
    "move_up": "Move up",
    "move_down": "Move down",
    "self_check_notice": "This is a self-check to help you learn: it is graded in your browser and is not an exam.",
    "noscript": "This quiz needs JavaScript to be graded. The questions are shown so you can still read them.",
    # used by the browser runtime
    "correct": "Correct.",
    "incorrect": "Not quite.",
    "partial": "Partly correct.",
    "unanswered": "Please answer the question before checking.",
    "not_a_number": "Please type a number, for example 42 or 3.5.",
    "right_choice": "right answer",
    "wrong_choice": "your choice, not right",
    "missed_choice": "a right answer you did not choose",
    "your_choice": "your choice",
    "right_place": "in the right place",
    "wrong_place": "should be at position {position}",
    "right_match": "right match",
    "wrong_match": "right match: {right}",
    "accepted": "Accepted answers: {answers}",
    "expected_number": "Expected answer: {answer}",
    "question_result": "Question {number}: {verdict}",
    "score": "Your score: {score}% ({right} of {total} questions right).",  # plural: see PLURALS
    "passed": "Passed. The pass mark is {pass_mark}%.",
    "failed": "Not passed yet. The pass mark is {pass_mark}%: review the feedback and try again.",
    "retry": "Try again",
    "moved": "{item}: now at position {position} of {count}.",
    "previous": "{count} earlier attempts. Best score {best}% on {date}.",  # plural: see PLURALS
    "older_version": "Some earlier attempts were made on an older version of this quiz.",
    "storage_blocked": "Your answers are graded, but this browser does not let the course save your progress (storage is blocked or full). Your results will be lost when you leave this page.",
    "storage_corrupt": "Saved progress for this quiz could not be read. It was set aside in this browser, not deleted, and the quiz starts afresh.",
    "storage_attempts_corrupt": "Some earlier results for this quiz could not be read. They were set aside in this browser, not deleted; your other results are kept.",
    "storage_draft_corrupt": "Your unfinished attempt at this quiz could not be read. It was set aside in this browser, not deleted, and the quiz starts afresh. Your finished attempts are kept.",
    # languages
    "fallback_notice": "This page is not yet available in {language}; it is shown in {source}.",
    # -- progress: the "My progress" page (progress/page.py, assets/js/progress.js)
    "progress_title": "My progress",
    "progress_intro": "Your quiz results are saved in this browser, on this device only. To go on with the course on another device or browser, export your progress below and import the file there.",
    "progress_noscript": "This page needs JavaScript to show your progress.",
    "progress_storage_blocked": "This browser does not let the course read saved progress (storage is blocked), so your results cannot be shown here. The quizzes still work, but their results are lost when you leave the quiz page.",
    "progress_modules": "Modules",
    "progress_empty": "This course has no quizzes yet.",
    "progress_optional": "optional",
    "progress_not_started": "Not started",
    "progress_in_progress": "In progress",
    "progress_in_progress_best": "In progress: best score so far {score}% on {date}; the pass mark is {pass_mark}%.",
    "progress_passed": "Passed: best score {score}% on {date}.",
    "progress_older": "Some attempts were made on an older version of this quiz. They are kept, and a pass on an older version still counts.",
    "progress_damaged": "Saved results for this quiz could not be read. Open the quiz: it sets them aside, without deleting them, and starts afresh.",
    "progress_partly_damaged": "Some saved results for this quiz could not be read. Open the quiz: it sets them aside, without deleting them, and keeps the rest.",
    "progress_overall": "{percent}% complete. Required quizzes passed: {passed} of {total}.",
    "progress_start": "Start the course: {module}",
    "progress_continue": "Continue where you left off: {module}",
    "progress_done": "You have passed every required quiz: get your certificate.",
    "progress_clear": "Clear results",
    "progress_clear_confirm": "Clear all your saved results for “{module}”? This cannot be undone. Your results for other modules are kept.",
    "progress_cleared": "Your results for “{module}” were cleared.",
    "progress_clear_failed": "Your results for “{module}” could not be cleared: this browser does not let the course change saved progress.",
    # -- progress: the certificate (templates/progress.html, assets/js/certificate.js)
    "certificate_heading": "Certificate",
    "certificate_locked": "Pass every required quiz to get your certificate. Passed so far: {passed} of {total}.",
    "certificate_ready": "You have passed every required quiz. Type your name as it should be printed, then show your certificate.",
    "certificate_name_label": "Your name on the certificate",
    "certificate_show": "Show my certificate",
    "certificate_name_missing": "Please type your name as it should be printed on the certificate.",
    "certificate_shown": "Your certificate is shown below. Print it, or save it as a PDF.",
    "certificate_print": "Print or save as PDF",
    "certificate_print_hint": "In the print dialog, choose “Save as PDF” as the printer to keep a PDF copy. The certificate prints on one landscape page.",
    "certificate_title": "Certificate of completion",
    "certificate_presented": "This certifies that",
    "certificate_wording": "has completed the course",
    "certificate_date": "Completed on {date}",
    "certificate_module": "Module",
    "certificate_score": "Best score",
    "certificate_percent": "{score}%",
    "certificate_passed_on": "Passed on",
    "certificate_version": "Course version {version}",
    "certificate_version_older": "Course version {version}: some quizzes were passed on an earlier version (the current one is {current}).",
    "certificate_id": "Certificate ID {id}",
    "certificate_logo": "Logo",
    "certificate_notice": "This certificate was generated by the learner's own web browser from the results of self-check quizzes. No trainer has checked it, and it is not proof of an assessment.",
    # -- progress: files a learner downloads and imports
    "records_heading": "Your results as a file",
    "record_hint": "A completion record is a file (JSON) with every attempt: your answers, scores and times. A trainer may ask you for it.",
    "record_download": "Download completion record",
    "export_hint": "Moving to another phone, computer or browser? Export your progress to a file here, then import that file there.",
    "export": "Export progress",
    "import_label": "Import progress from a file",
    "import_done": "Progress imported. Attempts in the file: {count}; new on this device: {new}. Nothing was removed.",
    "import_damaged": "This file could not be read as course progress: it may be damaged, or not a progress file at all. Nothing was imported.",
    "import_foreign": "This file holds progress for another course (“{course}”), so nothing was imported. Choose a file exported from “{title}”.",
    "import_too_large": "This file is too large to be course progress (the limit is {limit} MB), so nothing was imported. Choose a file exported from “{title}”.",
    "import_storage": "The file is fine, but this browser would not save it (storage is blocked or full): {saved} of {total} quizzes were imported. Nothing was removed. Free some space or use another browser, then import the file again.",
    # -- progress: the navigation (assets/js/nav.js), read by screen readers after a check mark
    "nav_passed": "passed",
    # -- offline: the course kept on the device (assets/js/offline.js)
    "offline_update": "A new version of the course is available.",
    "offline_reload": "Reload",
    "offline_heading": "On this device",
    "offline_ready": "Every page of this course now opens on this device without a connection.",
    "offline_saving": "The course is being saved on this device so that it opens without a connection. Stay online for a moment.",
    "offline_failed": "The course could not be saved on this device for use without a connection. It works while you are online, and it will try again on your next visit.",
    "offline_none": "The course is not yet saved on this device for use without a connection.",
    "offline_unsupported": "This browser cannot keep the course for use without a connection here (that needs a secure https:// address and a recent browser). The course works while you are online.",
    "offline_copy": "You opened the offline copy of this course from files on this device.",
    "offline_copy_shared": "This browser shares your saved progress between all pages of this copy.",
    "offline_copy_separate": "This browser keeps each page of this offline copy apart: a quiz's results stay on that quiz's page and do not reach “My progress” or the certificate. Open the copy in Google Chrome or Microsoft Edge, or use the online course.",
    "offline_copy_unknown": "It could not be checked whether this browser shares your saved progress between the pages of this copy.",
    "offline_copy_blocked": "This browser does not let the offline copy save your progress.",
    "offline_persisted": "Your saved progress is protected: this browser will not clear it on its own.",
    "offline_not_persisted": "This browser may clear your saved progress on its own: when the device is short of space, or (Safari) after 7 days without a visit unless the course is on the home screen. Export your progress from time to time to keep a copy.",
    "offline_install": "Install this course",
    "offline_install_hint": "Installing puts the course with your apps: it opens without a connection and its saved progress is better protected.",
    "offline_installed": "This course is installed on this device.",
}


# Entries with plural forms: (singular, plural) in English, and which
# placeholder's number chooses the form. Languages have 1 to 6 forms.
PLURALS = {
    "quiz_summary": ("1 question · pass mark {pass_mark}%", "{count} questions · pass mark {pass_mark}%"),
    "score": (
        "Your score: {score}% ({right} of {total} question right).",
        "Your score: {score}% ({right} of {total} questions right).",
    ),
    "previous": (
        "1 earlier attempt. Best score {best}% on {date}.",
        "{count} earlier attempts. Best score {best}% on {date}.",
    ),
}
PLURAL_COUNTS = {"quiz_summary": "count", "score": "total", "previous": "count"}

# Context for translators, shown as comments in the catalog.
INTERFACE_NOTES = {
    "quiz_label": "Label before a quiz's title.",
    "choose": "First, empty choice of a drop-down list in a matching question.",
    "check": "Button that grades one question.",
    "true": "Answer of a true/false question.",
    "false": "Answer of a true/false question.",
    "wrong_place": "Shown next to an ordering item placed wrongly.",
    "right_choice": "Shown next to an option after checking; a check mark comes before it.",
    "wrong_choice": "Shown next to an option after checking; a cross comes before it.",
    "moved": "Read out by screen readers after an item of an ordering question moved.",
    "fallback_notice": "Shown on a page not yet translated. {language} and {source} are language names in your language.",
    # -- progress
    "progress_title": "Heading of the page listing a learner's results; also its name in the navigation.",
    "progress_clear_confirm": "Asked in a confirmation dialog before one module's results are deleted.",
    "certificate_presented": "On the certificate, the line before the learner's name; the wording and the course title follow the name.",
    "certificate_wording": "On the certificate, the line between the learner's name and the course title.",
    "certificate_date": "On the certificate; {date} is written the way your language writes dates.",
    "certificate_percent": "A score in a table cell of the certificate; write the percent sign the way your language does.",
    "certificate_notice": "Printed on every certificate: say plainly that the learner's browser made it and no trainer checked it.",
    "nav_passed": "Read by screen readers after a check mark next to a passed module in the navigation, in brackets.",
    "offline_update": "Shown at the bottom of the page when a newer build of the course was downloaded; the button \"Reload\" follows.",
    "offline_reload": "Button that reloads the page with the new version of the course.",
    "offline_heading": "Heading on the progress page, above whether the course and its progress are kept on this phone or computer.",
    "offline_copy_separate": "Shown in the offline copy (files opened from the device) in browsers such as Firefox that keep each file's storage apart.",
    "offline_not_persisted": "Safari deletes a site's saved data after 7 days without a visit unless it was added to the home screen.",
}
